using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RateMyModule.Reviews.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ModuleTagCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RevModuleTagCounts",
                columns: table => new
                {
                    ModuleId = table.Column<Guid>(type: "uuid", nullable: false),
                    TagId = table.Column<Guid>(type: "uuid", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevModuleTagCounts", x => new { x.ModuleId, x.TagId });
                    table.ForeignKey(
                        name: "FK_RevModuleTagCounts_RevTags_TagId",
                        column: x => x.TagId,
                        principalTable: "RevTags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RevModuleTagCounts_TagId",
                table: "RevModuleTagCounts",
                column: "TagId");

            // Existing reviews are counted once here; from now on the application keeps the counts.
            migrationBuilder.Sql("""
                INSERT INTO "RevModuleTagCounts" ("ModuleId", "TagId", "Count")
                SELECT r."ModuleId", rt."TagId", COUNT(*) FROM "RevReviewTags" rt JOIN "RevReviews" r ON r."Id" = rt."ReviewId"
                WHERE NOT r."IsHidden" GROUP BY r."ModuleId", rt."TagId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RevModuleTagCounts");
        }
    }
}
