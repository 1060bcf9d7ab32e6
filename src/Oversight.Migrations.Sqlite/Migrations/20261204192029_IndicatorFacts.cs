using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorFacts",
                columns: table => new
                {
                    RecordSet = table.Column<short>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Axis = table.Column<short>(type: "INTEGER", nullable: false),
                    Level = table.Column<short>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EventDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Mask = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Measure1 = table.Column<long>(type: "INTEGER", nullable: false),
                    Measure2 = table.Column<long>(type: "INTEGER", nullable: false),
                    Compacted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "IndicatorFactSets",
                columns: table => new
                {
                    RecordSet = table.Column<short>(type: "INTEGER", nullable: false),
                    Layout = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorFactSets", x => x.RecordSet);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorFacts_Buckets",
                table: "IndicatorFacts",
                columns: new[] { "RecordSet", "UnitId", "Axis", "Level", "Day", "EventDay", "Mask", "Count", "Measure1", "Measure2" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorFacts_Fresh",
                table: "IndicatorFacts",
                column: "Compacted",
                filter: "NOT \"Compacted\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorFacts");

            migrationBuilder.DropTable(
                name: "IndicatorFactSets");
        }
    }
}
