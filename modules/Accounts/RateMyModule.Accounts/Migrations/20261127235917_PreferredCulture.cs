using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RateMyModule.Accounts.Migrations
{
    /// <inheritdoc />
    public partial class PreferredCulture : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreferredCulture",
                table: "AccUsers",
                type: "TEXT",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreferredCulture",
                table: "AccUsers");
        }
    }
}
