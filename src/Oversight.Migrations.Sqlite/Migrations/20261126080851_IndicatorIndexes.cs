using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PersonnelMoves_DecidingUnitId",
                table: "PersonnelMoves");

            migrationBuilder.DropIndex(
                name: "IX_InspectionTargets_InspectionId",
                table: "InspectionTargets");

            migrationBuilder.DropIndex(
                name: "IX_Inspections_DecidingUnitId_DecidedOn",
                table: "Inspections");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_OwnerUnitId_DueOn",
                table: "FollowUpTasks");

            migrationBuilder.DropIndex(
                name: "IX_DisseminationEvents_OrganiserUnitId",
                table: "DisseminationEvents");

            migrationBuilder.DropIndex(
                name: "IX_DisseminationAttendance_UnitId_EventId",
                table: "DisseminationAttendance");

            migrationBuilder.DropIndex(
                name: "IX_DisciplineDecisions_DecidingUnitId_DecidedOn",
                table: "DisciplineDecisions");

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelMoves_DecidingUnitId_EffectiveOn_Kind_Reason_PostKind",
                table: "PersonnelMoves",
                columns: new[] { "DecidingUnitId", "EffectiveOn", "Kind", "Reason", "PostKind" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTargets_InspectionId_Kind",
                table: "InspectionTargets",
                columns: new[] { "InspectionId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_DecidingUnitId_DecidedOn_Kind_ConcludedOn_Id",
                table: "Inspections",
                columns: new[] { "DecidingUnitId", "DecidedOn", "Kind", "ConcludedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Id_ConcludedOn",
                table: "Inspections",
                columns: new[] { "Id", "ConcludedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_OwnerUnitId_DueOn_DoneOn_InspectionId",
                table: "FollowUpTasks",
                columns: new[] { "OwnerUnitId", "DueOn", "DoneOn", "InspectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationEvents_Id_HeldOn_Online",
                table: "DisseminationEvents",
                columns: new[] { "Id", "HeldOn", "Online" });

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationEvents_OrganiserUnitId_HeldOn_Online",
                table: "DisseminationEvents",
                columns: new[] { "OrganiserUnitId", "HeldOn", "Online" });

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationAttendance_UnitId_EventId_Invited_Attended",
                table: "DisseminationAttendance",
                columns: new[] { "UnitId", "EventId", "Invited", "Attended" });

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineDecisions_DecidingUnitId_DecidedOn_Body_Subject_Form_Id",
                table: "DisciplineDecisions",
                columns: new[] { "DecidingUnitId", "DecidedOn", "Body", "Subject", "Form", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Indicators",
                table: "Cases",
                columns: new[] { "UnitId", "ReceivedOn", "Kind", "Channel", "Status", "WithinJurisdiction", "Complex", "AcceptedOn", "AcceptanceDueOn", "DueOn", "ClosedOn", "RepeatOfCaseId", "ReceptionSessionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PersonnelMoves_DecidingUnitId_EffectiveOn_Kind_Reason_PostKind",
                table: "PersonnelMoves");

            migrationBuilder.DropIndex(
                name: "IX_InspectionTargets_InspectionId_Kind",
                table: "InspectionTargets");

            migrationBuilder.DropIndex(
                name: "IX_Inspections_DecidingUnitId_DecidedOn_Kind_ConcludedOn_Id",
                table: "Inspections");

            migrationBuilder.DropIndex(
                name: "IX_Inspections_Id_ConcludedOn",
                table: "Inspections");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_OwnerUnitId_DueOn_DoneOn_InspectionId",
                table: "FollowUpTasks");

            migrationBuilder.DropIndex(
                name: "IX_DisseminationEvents_Id_HeldOn_Online",
                table: "DisseminationEvents");

            migrationBuilder.DropIndex(
                name: "IX_DisseminationEvents_OrganiserUnitId_HeldOn_Online",
                table: "DisseminationEvents");

            migrationBuilder.DropIndex(
                name: "IX_DisseminationAttendance_UnitId_EventId_Invited_Attended",
                table: "DisseminationAttendance");

            migrationBuilder.DropIndex(
                name: "IX_DisciplineDecisions_DecidingUnitId_DecidedOn_Body_Subject_Form_Id",
                table: "DisciplineDecisions");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Indicators",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelMoves_DecidingUnitId",
                table: "PersonnelMoves",
                column: "DecidingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTargets_InspectionId",
                table: "InspectionTargets",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_DecidingUnitId_DecidedOn",
                table: "Inspections",
                columns: new[] { "DecidingUnitId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_OwnerUnitId_DueOn",
                table: "FollowUpTasks",
                columns: new[] { "OwnerUnitId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationEvents_OrganiserUnitId",
                table: "DisseminationEvents",
                column: "OrganiserUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationAttendance_UnitId_EventId",
                table: "DisseminationAttendance",
                columns: new[] { "UnitId", "EventId" });

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineDecisions_DecidingUnitId_DecidedOn",
                table: "DisciplineDecisions",
                columns: new[] { "DecidingUnitId", "DecidedOn" });
        }
    }
}
