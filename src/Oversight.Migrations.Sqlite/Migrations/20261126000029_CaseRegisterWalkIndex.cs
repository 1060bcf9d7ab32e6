using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseRegisterWalkIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ReceivedOn",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReceivedOn",
                table: "Cases",
                columns: new[] { "ReceivedOn", "Id", "Status", "Kind", "CurrentDueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ReceivedOn",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReceivedOn",
                table: "Cases",
                columns: new[] { "ReceivedOn", "Id" });
        }
    }
}
