using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Oversight.Migrations.PostgreSQL.Migrations
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
                type: "character varying(800)",
                maxLength: 800,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "FollowUpTasks",
                type: "character varying(800)",
                maxLength: 800,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_SearchText",
                table: "Inspections",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_SearchText",
                table: "FollowUpTasks",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inspections_SearchText",
                table: "Inspections");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_SearchText",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Inspections");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "FollowUpTasks");
        }
    }
}
