using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RateMyModule.Framework.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FwBackgroundJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    JobName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    JobArgs = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    TryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false),
                    NextTryTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastTryTime = table.Column<long>(type: "INTEGER", nullable: true),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FwBackgroundJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FwDataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FwDataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FwEntityChangeLogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangeTime = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ChangeType = table.Column<int>(type: "INTEGER", nullable: false),
                    PropertyChanges = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FwEntityChangeLogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FwPermissionGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PermissionName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FwPermissionGrants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FwBackgroundJobs_State_NextTryTime",
                table: "FwBackgroundJobs",
                columns: new[] { "State", "NextTryTime" });

            migrationBuilder.CreateIndex(
                name: "IX_FwEntityChangeLogs_EntityType_EntityId_ChangeTime",
                table: "FwEntityChangeLogs",
                columns: new[] { "EntityType", "EntityId", "ChangeTime" });

            migrationBuilder.CreateIndex(
                name: "IX_FwPermissionGrants_RoleName_PermissionName",
                table: "FwPermissionGrants",
                columns: new[] { "RoleName", "PermissionName" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FwBackgroundJobs");

            migrationBuilder.DropTable(
                name: "FwDataProtectionKeys");

            migrationBuilder.DropTable(
                name: "FwEntityChangeLogs");

            migrationBuilder.DropTable(
                name: "FwPermissionGrants");
        }
    }
}
