using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class CaseRegisterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ReceivedOn",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_DueOn",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_UnitId_ReceivedOn",
                table: "Cases");

            migrationBuilder.AddColumn<DateOnly>(
                name: "CurrentDueOn",
                table: "Cases",
                type: "date",
                nullable: true);

            // Cases recorded before the column existed: the deadline that runs now.
            migrationBuilder.Sql("""UPDATE "Cases" SET "CurrentDueOn" = CASE WHEN "Status" = 'received' THEN "AcceptanceDueOn" WHEN "Status" IN ('accepted', 'under-consideration') THEN "DueOn" END""");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CurrentDueOn",
                table: "Cases",
                column: "CurrentDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReceivedOn",
                table: "Cases",
                columns: new[] { "ReceivedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_UnitId_ReceivedOn",
                table: "Cases",
                columns: new[] { "UnitId", "ReceivedOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_CurrentDueOn",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ReceivedOn",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_UnitId_ReceivedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CurrentDueOn",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReceivedOn",
                table: "Cases",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_DueOn",
                table: "Cases",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_UnitId_ReceivedOn",
                table: "Cases",
                columns: new[] { "UnitId", "ReceivedOn" });
        }
    }
}
