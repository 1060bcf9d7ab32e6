using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class RegisterFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InspectionTargets_UnitId",
                table: "InspectionTargets");

            migrationBuilder.DropIndex(
                name: "IX_DisseminationAttendance_UnitId",
                table: "DisseminationAttendance");

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelMoves_PostKind_EffectiveOn",
                table: "PersonnelMoves",
                columns: new[] { "PostKind", "EffectiveOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelMoves_Reason_EffectiveOn",
                table: "PersonnelMoves",
                columns: new[] { "Reason", "EffectiveOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTargets_UnitId_InspectionId",
                table: "InspectionTargets",
                columns: new[] { "UnitId", "InspectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Kind_DecidedOn",
                table: "Inspections",
                columns: new[] { "Kind", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationAttendance_UnitId_EventId",
                table: "DisseminationAttendance",
                columns: new[] { "UnitId", "EventId" });

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineDecisions_Body_DecidedOn",
                table: "DisciplineDecisions",
                columns: new[] { "Body", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineDecisions_Form_DecidedOn",
                table: "DisciplineDecisions",
                columns: new[] { "Form", "DecidedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PersonnelMoves_PostKind_EffectiveOn",
                table: "PersonnelMoves");

            migrationBuilder.DropIndex(
                name: "IX_PersonnelMoves_Reason_EffectiveOn",
                table: "PersonnelMoves");

            migrationBuilder.DropIndex(
                name: "IX_InspectionTargets_UnitId_InspectionId",
                table: "InspectionTargets");

            migrationBuilder.DropIndex(
                name: "IX_Inspections_Kind_DecidedOn",
                table: "Inspections");

            migrationBuilder.DropIndex(
                name: "IX_DisseminationAttendance_UnitId_EventId",
                table: "DisseminationAttendance");

            migrationBuilder.DropIndex(
                name: "IX_DisciplineDecisions_Body_DecidedOn",
                table: "DisciplineDecisions");

            migrationBuilder.DropIndex(
                name: "IX_DisciplineDecisions_Form_DecidedOn",
                table: "DisciplineDecisions");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTargets_UnitId",
                table: "InspectionTargets",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationAttendance_UnitId",
                table: "DisseminationAttendance",
                column: "UnitId");
        }
    }
}
