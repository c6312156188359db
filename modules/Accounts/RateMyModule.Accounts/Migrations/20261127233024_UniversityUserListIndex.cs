using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RateMyModule.Accounts.Migrations
{
    /// <inheritdoc />
    public partial class UniversityUserListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccUsers_UniversityId",
                table: "AccUsers");

            migrationBuilder.CreateIndex(
                name: "IX_AccUsers_UniversityId_NormalizedEmail",
                table: "AccUsers",
                columns: new[] { "UniversityId", "NormalizedEmail" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccUsers_UniversityId_NormalizedEmail",
                table: "AccUsers");

            migrationBuilder.CreateIndex(
                name: "IX_AccUsers_UniversityId",
                table: "AccUsers",
                column: "UniversityId");
        }
    }
}
