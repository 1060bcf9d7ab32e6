using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RecordStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Records already kept share one stamp until their first save: only its change is compared.
            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "ReportedFigures",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "ReceptionSessions",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "PersonnelMoves",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "Manifestations",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "Inspections",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "FollowUpTasks",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "Findings",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "DisseminationEvents",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "DisseminationCompletions",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "DisciplineDecisions",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "DirectiveTask",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "Directives",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "DialogueMeetings",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "ReportedFigures");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "ReceptionSessions");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "PersonnelMoves");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "Manifestations");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "Inspections");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "DisseminationEvents");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "DisseminationCompletions");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "DisciplineDecisions");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "DirectiveTask");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "Directives");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "DialogueMeetings");
        }
    }
}
