using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class Accountability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Directives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Symbol = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuingUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    IssuingBody = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DisseminationDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CatalogueIsIllustrative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directives_Units_IssuingUnitId",
                        column: x => x.IssuingUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DisseminationEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganiserUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Online = table.Column<bool>(type: "boolean", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisseminationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisseminationEvents_Units_OrganiserUnitId",
                        column: x => x.OrganiserUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectiveLink",
                columns: table => new
                {
                    DirectiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    OtherDirectiveId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveLink", x => new { x.DirectiveId, x.OtherDirectiveId });
                    table.ForeignKey(
                        name: "FK_DirectiveLink_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectiveLink_Directives_OtherDirectiveId",
                        column: x => x.OtherDirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectiveTask",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveTask", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectiveTask_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DisseminationCompletions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MembersReached = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisseminationCompletions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisseminationCompletions_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisseminationCompletions_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Inspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DirectiveId = table.Column<Guid>(type: "uuid", nullable: true),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: true),
                    ConcludedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inspections_Units_DecidingUnitId",
                        column: x => x.DecidingUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Manifestations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Manifestations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Manifestations_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonnelMoves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PostKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FromUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ToUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DirectiveId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonnelMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonnelMoves_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonnelMoves_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonnelMoves_Units_DecidingUnitId",
                        column: x => x.DecidingUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonnelMoves_Units_FromUnitId",
                        column: x => x.FromUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonnelMoves_Units_ToUnitId",
                        column: x => x.ToUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DisseminationAttendance",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Invited = table.Column<int>(type: "integer", nullable: false),
                    Attended = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisseminationAttendance", x => new { x.EventId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_DisseminationAttendance_DisseminationEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "DisseminationEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DisseminationAttendance_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DisseminationDirective",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectiveId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisseminationDirective", x => new { x.EventId, x.DirectiveId });
                    table.ForeignKey(
                        name: "FK_DisseminationDirective_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisseminationDirective_DisseminationEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "DisseminationEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DisciplineDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Body = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecidingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubjectPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubjectUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Form = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ViolationOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SourceInspectionId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisciplineDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisciplineDecisions_Inspections_SourceInspectionId",
                        column: x => x.SourceInspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisciplineDecisions_People_SubjectPersonId",
                        column: x => x.SubjectPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisciplineDecisions_Units_DecidingUnitId",
                        column: x => x.DecidingUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisciplineDecisions_Units_SubjectUnitId",
                        column: x => x.SubjectUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpTasks_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpTasks_Units_OwnerUnitId",
                        column: x => x.OwnerUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionTargets_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InspectionTargets_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionTargets_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TeamMember",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    IsLead = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TeamMember_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TeamMember_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DecisionManifestation",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ManifestationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionManifestation", x => new { x.DecisionId, x.ManifestationId });
                    table.ForeignKey(
                        name: "FK_DecisionManifestation_DisciplineDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "DisciplineDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionManifestation_Manifestations_ManifestationId",
                        column: x => x.ManifestationId,
                        principalTable: "Manifestations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskProgress",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PercentComplete = table.Column<int>(type: "integer", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskProgress_FollowUpTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "FollowUpTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Findings_InspectionTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "InspectionTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Findings_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingManifestation",
                columns: table => new
                {
                    FindingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ManifestationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingManifestation", x => new { x.FindingId, x.ManifestationId });
                    table.ForeignKey(
                        name: "FK_FindingManifestation_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FindingManifestation_Manifestations_ManifestationId",
                        column: x => x.ManifestationId,
                        principalTable: "Manifestations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionManifestation_ManifestationId",
                table: "DecisionManifestation",
                column: "ManifestationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveLink_OtherDirectiveId",
                table: "DirectiveLink",
                column: "OtherDirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_Directives_IssuingUnitId",
                table: "Directives",
                column: "IssuingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Directives_Symbol",
                table: "Directives",
                column: "Symbol",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveTask_DirectiveId_Number",
                table: "DirectiveTask",
                columns: new[] { "DirectiveId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineDecisions_DecidingUnitId_DecidedOn",
                table: "DisciplineDecisions",
                columns: new[] { "DecidingUnitId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineDecisions_DecisionNumber",
                table: "DisciplineDecisions",
                column: "DecisionNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineDecisions_SourceInspectionId",
                table: "DisciplineDecisions",
                column: "SourceInspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineDecisions_SubjectPersonId",
                table: "DisciplineDecisions",
                column: "SubjectPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineDecisions_SubjectUnitId",
                table: "DisciplineDecisions",
                column: "SubjectUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationAttendance_UnitId",
                table: "DisseminationAttendance",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationCompletions_DirectiveId_UnitId",
                table: "DisseminationCompletions",
                columns: new[] { "DirectiveId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationCompletions_UnitId",
                table: "DisseminationCompletions",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationDirective_DirectiveId",
                table: "DisseminationDirective",
                column: "DirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationEvents_HeldOn",
                table: "DisseminationEvents",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationEvents_OrganiserUnitId",
                table: "DisseminationEvents",
                column: "OrganiserUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationEvents_Reference",
                table: "DisseminationEvents",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FindingManifestation_ManifestationId",
                table: "FindingManifestation",
                column: "ManifestationId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_InspectionId",
                table: "Findings",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_TargetId",
                table: "Findings",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_InspectionId",
                table: "FollowUpTasks",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_OwnerUnitId_DueOn",
                table: "FollowUpTasks",
                columns: new[] { "OwnerUnitId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_Reference",
                table: "FollowUpTasks",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_DecidingUnitId_DecidedOn",
                table: "Inspections",
                columns: new[] { "DecidingUnitId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_DirectiveId",
                table: "Inspections",
                column: "DirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Reference",
                table: "Inspections",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTargets_InspectionId",
                table: "InspectionTargets",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTargets_PersonId",
                table: "InspectionTargets",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTargets_UnitId",
                table: "InspectionTargets",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Manifestations_DirectiveId_Code",
                table: "Manifestations",
                columns: new[] { "DirectiveId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelMoves_DecidingUnitId",
                table: "PersonnelMoves",
                column: "DecidingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelMoves_DirectiveId",
                table: "PersonnelMoves",
                column: "DirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelMoves_FromUnitId_EffectiveOn",
                table: "PersonnelMoves",
                columns: new[] { "FromUnitId", "EffectiveOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelMoves_PersonId",
                table: "PersonnelMoves",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelMoves_Reference",
                table: "PersonnelMoves",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelMoves_ToUnitId_EffectiveOn",
                table: "PersonnelMoves",
                columns: new[] { "ToUnitId", "EffectiveOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskProgress_TaskId",
                table: "TaskProgress",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamMember_InspectionId",
                table: "TeamMember",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamMember_PersonId",
                table: "TeamMember",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionManifestation");

            migrationBuilder.DropTable(
                name: "DirectiveLink");

            migrationBuilder.DropTable(
                name: "DirectiveTask");

            migrationBuilder.DropTable(
                name: "DisseminationAttendance");

            migrationBuilder.DropTable(
                name: "DisseminationCompletions");

            migrationBuilder.DropTable(
                name: "DisseminationDirective");

            migrationBuilder.DropTable(
                name: "FindingManifestation");

            migrationBuilder.DropTable(
                name: "PersonnelMoves");

            migrationBuilder.DropTable(
                name: "TaskProgress");

            migrationBuilder.DropTable(
                name: "TeamMember");

            migrationBuilder.DropTable(
                name: "DisciplineDecisions");

            migrationBuilder.DropTable(
                name: "DisseminationEvents");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "Manifestations");

            migrationBuilder.DropTable(
                name: "FollowUpTasks");

            migrationBuilder.DropTable(
                name: "InspectionTargets");

            migrationBuilder.DropTable(
                name: "Inspections");

            migrationBuilder.DropTable(
                name: "Directives");
        }
    }
}
