using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpVerified : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "TaskProgress",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                // Progress recorded before reports were answered was all the unit's own.
                defaultValue: "update");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportedDoneOn",
                table: "FollowUpTasks",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "TaskProgress");

            migrationBuilder.DropColumn(
                name: "ReportedDoneOn",
                table: "FollowUpTasks");
        }
    }
}
