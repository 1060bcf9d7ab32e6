using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Oversight.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class CitizenCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DialogueMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Topic = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Participants = table.Column<int>(type: "integer", nullable: false),
                    ParticipantNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueMeetings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HolidaySchedules",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HolidaySchedules", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "ReceptionSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HostPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    HostName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HostRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Visits = table.Column<int>(type: "integer", nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceptionSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceptionSessions_People_HostPersonId",
                        column: x => x.HostPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReceptionSessions_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RulePacks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulePacks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Content = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    PetitionerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PetitionerAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PetitionerPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PetitionerCount = table.Column<int>(type: "integer", nullable: false),
                    ProtectedIdentity = table.Column<string>(type: "text", nullable: true),
                    ReceptionSessionId = table.Column<Guid>(type: "uuid", nullable: true),
                    WithinJurisdiction = table.Column<bool>(type: "boolean", nullable: true),
                    ForwardedTo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Guidance = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssigneeUserId = table.Column<string>(type: "text", nullable: true),
                    Complex = table.Column<bool>(type: "boolean", nullable: false),
                    RemoteArea = table.Column<bool>(type: "boolean", nullable: false),
                    AcceptanceDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeadlineBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RepeatOfCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    TrackingCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_AspNetUsers_AssigneeUserId",
                        column: x => x.AssigneeUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Cases_Cases_RepeatOfCaseId",
                        column: x => x.RepeatOfCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_ReceptionSessions_ReceptionSessionId",
                        column: x => x.ReceptionSessionId,
                        principalTable: "ReceptionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Cases_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseExtensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Decision = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseExtensions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseSteps_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DialogueMeetingCases",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueMeetingCases", x => new { x.MeetingId, x.CaseId });
                    table.ForeignKey(
                        name: "FK_DialogueMeetingCases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DialogueMeetingCases_DialogueMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "DialogueMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseExtensions_CaseId",
                table: "CaseExtensions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AssigneeUserId_Status",
                table: "Cases",
                columns: new[] { "AssigneeUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReceivedOn",
                table: "Cases",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReceptionSessionId",
                table: "Cases",
                column: "ReceptionSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Reference",
                table: "Cases",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_RepeatOfCaseId",
                table: "Cases",
                column: "RepeatOfCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_DueOn",
                table: "Cases",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_TrackingCode",
                table: "Cases",
                column: "TrackingCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_UnitId_ReceivedOn",
                table: "Cases",
                columns: new[] { "UnitId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseSteps_CaseId",
                table: "CaseSteps",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueMeetingCases_CaseId",
                table: "DialogueMeetingCases",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueMeetings_Reference",
                table: "DialogueMeetings",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DialogueMeetings_UnitId_HeldOn",
                table: "DialogueMeetings",
                columns: new[] { "UnitId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionSessions_HostPersonId",
                table: "ReceptionSessions",
                column: "HostPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionSessions_Reference",
                table: "ReceptionSessions",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionSessions_UnitId_HeldOn",
                table: "ReceptionSessions",
                columns: new[] { "UnitId", "HeldOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseExtensions");

            migrationBuilder.DropTable(
                name: "CaseSteps");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DialogueMeetingCases");

            migrationBuilder.DropTable(
                name: "HolidaySchedules");

            migrationBuilder.DropTable(
                name: "RulePacks");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "DialogueMeetings");

            migrationBuilder.DropTable(
                name: "ReceptionSessions");
        }
    }
}
