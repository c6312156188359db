using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RateMyModule.Framework.Migrations
{
    /// <inheritdoc />
    public partial class AuditLogTimeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FwEntityChangeLogs_ChangeTime",
                table: "FwEntityChangeLogs",
                column: "ChangeTime");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FwEntityChangeLogs_ChangeTime",
                table: "FwEntityChangeLogs");
        }
    }
}
