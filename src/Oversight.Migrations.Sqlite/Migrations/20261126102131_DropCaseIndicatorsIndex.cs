using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DropCaseIndicatorsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Indicators",
                table: "Cases");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_Indicators",
                table: "Cases",
                columns: new[] { "UnitId", "ReceivedOn", "Kind", "Channel", "Status", "WithinJurisdiction", "Complex", "AcceptedOn", "AcceptanceDueOn", "DueOn", "ClosedOn", "RepeatOfCaseId", "ReceptionSessionId" });
        }
    }
}
