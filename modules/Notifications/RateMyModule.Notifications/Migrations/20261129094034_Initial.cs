using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RateMyModule.Notifications.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NotificationsFollows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModuleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Delivery = table.Column<int>(type: "INTEGER", nullable: false),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationsFollows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NotificationsMailSchedules",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cadence = table.Column<int>(type: "INTEGER", nullable: false),
                    DueTime = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSentTime = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationsMailSchedules", x => new { x.UserId, x.Cadence });
                });

            migrationBuilder.CreateTable(
                name: "NotificationsNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ModuleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Overall = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<int>(type: "INTEGER", nullable: true),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadTime = table.Column<long>(type: "INTEGER", nullable: true),
                    MailedTime = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationsNotifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NotificationsSettings",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModerationEmails = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationsSettings", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationsFollows_ModuleId_UserId",
                table: "NotificationsFollows",
                columns: new[] { "ModuleId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationsFollows_UserId_ModuleId",
                table: "NotificationsFollows",
                columns: new[] { "UserId", "ModuleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationsNotifications_UserId_CreationTime",
                table: "NotificationsNotifications",
                columns: new[] { "UserId", "CreationTime" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationsNotifications_UserId_ReadTime",
                table: "NotificationsNotifications",
                columns: new[] { "UserId", "ReadTime" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationsFollows");

            migrationBuilder.DropTable(
                name: "NotificationsMailSchedules");

            migrationBuilder.DropTable(
                name: "NotificationsNotifications");

            migrationBuilder.DropTable(
                name: "NotificationsSettings");
        }
    }
}
