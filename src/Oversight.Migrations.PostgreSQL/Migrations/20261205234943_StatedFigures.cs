using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class StatedFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InspectionDocuments_InspectionId_Kind",
                table: "InspectionDocuments");

            migrationBuilder.AddColumn<Guid>(
                name: "DocumentId",
                table: "ReportedFigures",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportedFigures_DocumentId",
                table: "ReportedFigures",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionDocuments_InspectionId_Kind_IssuerUnitId",
                table: "InspectionDocuments",
                columns: new[] { "InspectionId", "Kind", "IssuerUnitId" },
                unique: true);

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

            migrationBuilder.DropIndex(
                name: "IX_InspectionDocuments_InspectionId_Kind_IssuerUnitId",
                table: "InspectionDocuments");

            migrationBuilder.DropColumn(
                name: "DocumentId",
                table: "ReportedFigures");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionDocuments_InspectionId_Kind",
                table: "InspectionDocuments",
                columns: new[] { "InspectionId", "Kind" },
                unique: true);
        }
    }
}
