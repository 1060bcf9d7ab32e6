using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class AuditSealedOnceCommitted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An entry is sealed as soon as it is committed (Audit/AuditSealer.cs): the transaction that wrote it no longer matters.
            migrationBuilder.Sql("""ALTER TABLE "AuditEntries" DROP COLUMN "WriterTransaction";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "AuditEntries" ADD COLUMN "WriterTransaction" xid8 NOT NULL DEFAULT pg_current_xact_id();""");
        }
    }
}
