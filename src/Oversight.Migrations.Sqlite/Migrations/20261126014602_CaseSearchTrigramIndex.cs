using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// A trigram index of the cases' search text (SQLite's FTS5), so that a word found in few cases is not looked for
    /// by reading every case (see Oversight.Petitions.CaseSearchIndex). The index holds no text and no positions, only
    /// which rows have each trigram; its rows are numbered by CaseSearchRows, whose INTEGER PRIMARY KEY survives VACUUM
    /// (a plain rowid of Cases may not). Triggers append each new, changed or deleted case to CaseSearchPending (in
    /// order, so that recording a case stays cheap), and the index catches up with them in batches. A later migration that rebuilds the Cases table drops these triggers and
    /// must create them again.
    /// </summary>
    public partial class CaseSearchTrigramIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "CaseSearchRows" (
                    "RowId" INTEGER NOT NULL CONSTRAINT "PK_CaseSearchRows" PRIMARY KEY,
                    "CaseId" TEXT NOT NULL CONSTRAINT "AK_CaseSearchRows_CaseId" UNIQUE);
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "CaseSearchTrigrams" USING fts5("Text", content='', contentless_delete=1, detail='none', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "CaseSearchPending" ("Seq" INTEGER NOT NULL CONSTRAINT "PK_CaseSearchPending" PRIMARY KEY, "CaseId" TEXT NOT NULL);
                """);
            migrationBuilder.Sql("""
                INSERT INTO "CaseSearchRows" ("CaseId") SELECT "Id" FROM "Cases";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "CaseSearchTrigrams" (rowid, "Text")
                SELECT r."RowId", c."SearchText" FROM "CaseSearchRows" AS r JOIN "Cases" AS c ON c."Id" = r."CaseId";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Cases_SearchPending_Insert" AFTER INSERT ON "Cases" BEGIN
                    INSERT INTO "CaseSearchPending" ("CaseId") VALUES (new."Id");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Cases_SearchPending_Update" AFTER UPDATE OF "SearchText" ON "Cases" WHEN old."SearchText" IS NOT new."SearchText" BEGIN
                    INSERT INTO "CaseSearchPending" ("CaseId") VALUES (new."Id");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Cases_SearchPending_Delete" AFTER DELETE ON "Cases" BEGIN
                    INSERT INTO "CaseSearchPending" ("CaseId") VALUES (old."Id");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Cases_SearchPending_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Cases_SearchPending_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Cases_SearchPending_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "CaseSearchPending";""");
            migrationBuilder.Sql("""DROP TABLE "CaseSearchTrigrams";""");
            migrationBuilder.Sql("""DROP TABLE "CaseSearchRows";""");
        }
    }
}
