using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccountabilityRegisters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PersonnelMoves_EffectiveOn",
                table: "PersonnelMoves",
                column: "EffectiveOn");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_DecidedOn",
                table: "Inspections",
                column: "DecidedOn");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_DueOn",
                table: "FollowUpTasks",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_Status_DueOn_DoneOn_OwnerUnitId_InspectionId",
                table: "FollowUpTasks",
                columns: new[] { "Status", "DueOn", "DoneOn", "OwnerUnitId", "InspectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineDecisions_DecidedOn",
                table: "DisciplineDecisions",
                column: "DecidedOn");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PersonnelMoves_EffectiveOn",
                table: "PersonnelMoves");

            migrationBuilder.DropIndex(
                name: "IX_Inspections_DecidedOn",
                table: "Inspections");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_DueOn",
                table: "FollowUpTasks");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_Status_DueOn_DoneOn_OwnerUnitId_InspectionId",
                table: "FollowUpTasks");

            migrationBuilder.DropIndex(
                name: "IX_DisciplineDecisions_DecidedOn",
                table: "DisciplineDecisions");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries");
        }
    }
}
