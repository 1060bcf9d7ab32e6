using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class IndexScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScoreIndices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NameVi = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Owner = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    UnitKinds = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreIndices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndexYears",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndexId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    MaxScore = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Illustrative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexYears", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexYears_ScoreIndices_IndexId",
                        column: x => x.IndexId,
                        principalTable: "ScoreIndices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndexComponents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndexYearId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NameVi = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MaxScore = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    Indicators = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexComponents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexComponents_IndexYears_IndexYearId",
                        column: x => x.IndexYearId,
                        principalTable: "IndexYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndexScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndexYearId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Component = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexScores_IndexYears_IndexYearId",
                        column: x => x.IndexYearId,
                        principalTable: "IndexYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndexScores_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndexComponents_IndexYearId_Code",
                table: "IndexComponents",
                columns: new[] { "IndexYearId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndexScores_IndexYearId_UnitId_Component",
                table: "IndexScores",
                columns: new[] { "IndexYearId", "UnitId", "Component" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndexScores_UnitId",
                table: "IndexScores",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_IndexYears_IndexId_Year",
                table: "IndexYears",
                columns: new[] { "IndexId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreIndices_Code",
                table: "ScoreIndices",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndexComponents");

            migrationBuilder.DropTable(
                name: "IndexScores");

            migrationBuilder.DropTable(
                name: "IndexYears");

            migrationBuilder.DropTable(
                name: "ScoreIndices");
        }
    }
}
