using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatedFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DocumentId",
                table: "ReportedFigures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportedFigures_DocumentId",
                table: "ReportedFigures",
                column: "DocumentId");

            migrationBuilder.AddForeignKey(
                name: "FK_ReportedFigures_InspectionDocuments_DocumentId",
                table: "ReportedFigures",
                column: "DocumentId",
                principalTable: "InspectionDocuments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReportedFigures_InspectionDocuments_DocumentId",
                table: "ReportedFigures");

            migrationBuilder.DropIndex(
                name: "IX_ReportedFigures_DocumentId",
                table: "ReportedFigures");

            migrationBuilder.DropColumn(
                name: "DocumentId",
                table: "ReportedFigures");
        }
    }
}
