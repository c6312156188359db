using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RateMyModule.Framework.Migrations
{
    /// <inheritdoc />
    public partial class KnownPermissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FwKnownPermissions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    FirstSeenTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FwKnownPermissions", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FwKnownPermissions");
        }
    }
}
