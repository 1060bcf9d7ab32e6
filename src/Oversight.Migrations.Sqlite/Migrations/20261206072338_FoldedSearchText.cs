using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FoldedSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Inspections",
                type: "TEXT",
                maxLength: 800,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "FollowUpTasks",
                type: "TEXT",
                maxLength: 800,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Inspections");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "FollowUpTasks");
        }
    }
}
