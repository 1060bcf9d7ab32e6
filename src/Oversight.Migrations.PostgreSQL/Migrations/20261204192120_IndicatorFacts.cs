using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.PostgreSQL.Migrations
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
                    RecordSet = table.Column<short>(type: "smallint", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Axis = table.Column<short>(type: "smallint", nullable: false),
                    Level = table.Column<short>(type: "smallint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    EventDay = table.Column<DateOnly>(type: "date", nullable: true),
                    Mask = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    Measure1 = table.Column<long>(type: "bigint", nullable: false),
                    Measure2 = table.Column<long>(type: "bigint", nullable: false),
                    Compacted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "IndicatorFactSets",
                columns: table => new
                {
                    RecordSet = table.Column<short>(type: "smallint", nullable: false),
                    Layout = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
