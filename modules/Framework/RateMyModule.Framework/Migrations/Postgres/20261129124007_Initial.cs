using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RateMyModule.Framework.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    JobName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    JobArgs = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    TryCount = table.Column<int>(type: "integer", nullable: false),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextTryTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastTryTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FwBackgroundJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FwDataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FwDataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FwEntityChangeLogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangeTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EntityType = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ChangeType = table.Column<int>(type: "integer", nullable: false),
                    PropertyChanges = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FwEntityChangeLogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FwKnownPermissions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    FirstSeenTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FwKnownPermissions", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "FwPermissionGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoleName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PermissionName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
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
                name: "IX_FwEntityChangeLogs_ChangeTime",
                table: "FwEntityChangeLogs",
                column: "ChangeTime");

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
                name: "FwKnownPermissions");

            migrationBuilder.DropTable(
                name: "FwPermissionGrants");
        }
    }
}
