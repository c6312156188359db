using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RateMyModule.Reviews.Migrations
{
    /// <inheritdoc />
    public partial class ModerationAdminLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Reviews by an Admin were snapshotted as " | Aber" (no student type); empty now reads "From an administrator".
            migrationBuilder.Sql("UPDATE \"RevReviews\" SET \"AuthorSnapshot\" = '' WHERE \"AuthorSnapshot\" LIKE ' |%';");

            migrationBuilder.AddColumn<string>(
                name: "Reasons",
                table: "RevModerationActions",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ReporterCount",
                table: "RevModerationActions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_RevReviews_CreationTime_Id",
                table: "RevReviews",
                columns: new[] { "CreationTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RevReviews_UniversityId_CreationTime_Id",
                table: "RevReviews",
                columns: new[] { "UniversityId", "CreationTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RevModerationActions_CreationTime_Id",
                table: "RevModerationActions",
                columns: new[] { "CreationTime", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RevReviews_CreationTime_Id",
                table: "RevReviews");

            migrationBuilder.DropIndex(
                name: "IX_RevReviews_UniversityId_CreationTime_Id",
                table: "RevReviews");

            migrationBuilder.DropIndex(
                name: "IX_RevModerationActions_CreationTime_Id",
                table: "RevModerationActions");

            migrationBuilder.DropColumn(
                name: "Reasons",
                table: "RevModerationActions");

            migrationBuilder.DropColumn(
                name: "ReporterCount",
                table: "RevModerationActions");
        }
    }
}
