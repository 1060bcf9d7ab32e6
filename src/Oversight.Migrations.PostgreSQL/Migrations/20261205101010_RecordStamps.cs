using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class RecordStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every record already kept gets a stamp of its own.
            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "ReportedFigures",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "ReceptionSessions",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "PersonnelMoves",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "Manifestations",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "Inspections",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "FollowUpTasks",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "Findings",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "DisseminationEvents",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "DisseminationCompletions",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "DisciplineDecisions",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "DirectiveTask",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "Directives",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "DialogueMeetings",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");
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
