using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FactRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorFacts_Buckets",
                table: "IndicatorFacts");

            migrationBuilder.AddColumn<short>(
                name: "Rollup",
                table: "IndicatorFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.CreateTable(
                name: "IndicatorFactRollups",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RootId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rollup = table.Column<short>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorFactRollups", x => new { x.UnitId, x.RootId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorFacts_Buckets",
                table: "IndicatorFacts",
                columns: new[] { "RecordSet", "UnitId", "Rollup", "Axis", "Level", "Day", "EventDay", "Mask", "Count", "Measure1", "Measure2" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorFactRollups");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorFacts_Buckets",
                table: "IndicatorFacts");

            migrationBuilder.DropColumn(
                name: "Rollup",
                table: "IndicatorFacts");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorFacts_Buckets",
                table: "IndicatorFacts",
                columns: new[] { "RecordSet", "UnitId", "Axis", "Level", "Day", "EventDay", "Mask", "Count", "Measure1", "Measure2" });
        }
    }
}
