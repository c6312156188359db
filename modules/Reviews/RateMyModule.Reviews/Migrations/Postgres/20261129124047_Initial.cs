using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RateMyModule.Reviews.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RevClosedModules",
                columns: table => new
                {
                    ModuleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevClosedModules", x => x.ModuleId);
                });

            migrationBuilder.CreateTable(
                name: "RevModerationActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModuleId = table.Column<Guid>(type: "uuid", nullable: false),
                    UniversityId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModeratorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ReporterCount = table.Column<int>(type: "integer", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevModerationActions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevModuleRatingCounts",
                columns: table => new
                {
                    ModuleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Dimension = table.Column<int>(type: "integer", nullable: false),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    Star = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevModuleRatingCounts", x => new { x.ModuleId, x.Dimension, x.AcademicYear, x.Star });
                });

            migrationBuilder.CreateTable(
                name: "RevModuleReviewStats",
                columns: table => new
                {
                    ModuleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewCount = table.Column<int>(type: "integer", nullable: false),
                    OverallSum = table.Column<int>(type: "integer", nullable: false),
                    DifficultySum = table.Column<int>(type: "integer", nullable: false),
                    DifficultyCount = table.Column<int>(type: "integer", nullable: false),
                    AssessmentSum = table.Column<int>(type: "integer", nullable: false),
                    AssessmentCount = table.Column<int>(type: "integer", nullable: false),
                    TeachingSum = table.Column<int>(type: "integer", nullable: false),
                    TeachingCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevModuleReviewStats", x => x.ModuleId);
                });

            migrationBuilder.CreateTable(
                name: "RevReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ModuleId = table.Column<Guid>(type: "uuid", nullable: false),
                    UniversityId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorSnapshot = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    Overall = table.Column<int>(type: "integer", nullable: false),
                    Difficulty = table.Column<int>(type: "integer", nullable: true),
                    Assessment = table.Column<int>(type: "integer", nullable: true),
                    Teaching = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    HelpfulCount = table.Column<int>(type: "integer", nullable: false),
                    NotHelpfulCount = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    IsHidden = table.Column<bool>(type: "boolean", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastModificationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastModifierId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevTags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NormalizedName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    IsVerified = table.Column<bool>(type: "boolean", nullable: false),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevTags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevReports_RevReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "RevReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RevReviewRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReplacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Overall = table.Column<int>(type: "integer", nullable: false),
                    Difficulty = table.Column<int>(type: "integer", nullable: true),
                    Assessment = table.Column<int>(type: "integer", nullable: true),
                    Teaching = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    TagNames = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevReviewRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevReviewRevisions_RevReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "RevReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RevVotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevVotes_RevReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "RevReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RevReviewTags",
                columns: table => new
                {
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    TagId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevReviewTags", x => new { x.ReviewId, x.TagId });
                    table.ForeignKey(
                        name: "FK_RevReviewTags_RevReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "RevReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RevReviewTags_RevTags_TagId",
                        column: x => x.TagId,
                        principalTable: "RevTags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RevModerationActions_CreationTime_Id",
                table: "RevModerationActions",
                columns: new[] { "CreationTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RevModerationActions_ReviewId",
                table: "RevModerationActions",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_RevReports_ReporterId",
                table: "RevReports",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_RevReports_ReviewId_ReporterId",
                table: "RevReports",
                columns: new[] { "ReviewId", "ReporterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevReports_SolvedAt_NotifiedAt",
                table: "RevReports",
                columns: new[] { "SolvedAt", "NotifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RevReviewRevisions_ReviewId",
                table: "RevReviewRevisions",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_RevReviews_AuthorId",
                table: "RevReviews",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_RevReviews_CreationTime_Id",
                table: "RevReviews",
                columns: new[] { "CreationTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RevReviews_ModuleId_AuthorId",
                table: "RevReviews",
                columns: new[] { "ModuleId", "AuthorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevReviews_ModuleId_CreationTime_Id",
                table: "RevReviews",
                columns: new[] { "ModuleId", "CreationTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RevReviews_ModuleId_Overall_Id",
                table: "RevReviews",
                columns: new[] { "ModuleId", "Overall", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RevReviews_ModuleId_Score_Id",
                table: "RevReviews",
                columns: new[] { "ModuleId", "Score", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RevReviews_UniversityId_CreationTime_Id",
                table: "RevReviews",
                columns: new[] { "UniversityId", "CreationTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RevReviews_UniversityId_IsHidden",
                table: "RevReviews",
                columns: new[] { "UniversityId", "IsHidden" });

            migrationBuilder.CreateIndex(
                name: "IX_RevReviewTags_TagId",
                table: "RevReviewTags",
                column: "TagId");

            migrationBuilder.CreateIndex(
                name: "IX_RevTags_NormalizedName",
                table: "RevTags",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevVotes_ReviewId_UserId",
                table: "RevVotes",
                columns: new[] { "ReviewId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevVotes_UserId",
                table: "RevVotes",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RevClosedModules");

            migrationBuilder.DropTable(
                name: "RevModerationActions");

            migrationBuilder.DropTable(
                name: "RevModuleRatingCounts");

            migrationBuilder.DropTable(
                name: "RevModuleReviewStats");

            migrationBuilder.DropTable(
                name: "RevReports");

            migrationBuilder.DropTable(
                name: "RevReviewRevisions");

            migrationBuilder.DropTable(
                name: "RevReviewTags");

            migrationBuilder.DropTable(
                name: "RevVotes");

            migrationBuilder.DropTable(
                name: "RevTags");

            migrationBuilder.DropTable(
                name: "RevReviews");
        }
    }
}
