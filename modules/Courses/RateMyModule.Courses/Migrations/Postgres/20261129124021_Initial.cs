using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RateMyModule.Courses.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:citext", ",,");

            migrationBuilder.CreateTable(
                name: "CoursesImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UniversityId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    TotalItems = table.Column<int>(type: "integer", nullable: false),
                    ProcessedItems = table.Column<int>(type: "integer", nullable: false),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoursesImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoursesUniversities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "citext", maxLength: 60, nullable: false),
                    ShortName = table.Column<string>(type: "citext", maxLength: 8, nullable: false),
                    EmailDomain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastModificationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastModifierId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoursesUniversities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoursesCourses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UniversityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "citext", maxLength: 60, nullable: false),
                    StudentType = table.Column<string>(type: "citext", maxLength: 60, nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastModificationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastModifierId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoursesCourses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoursesCourses_CoursesUniversities_UniversityId",
                        column: x => x.UniversityId,
                        principalTable: "CoursesUniversities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoursesModules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UniversityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "citext", maxLength: 60, nullable: false),
                    Code = table.Column<string>(type: "citext", maxLength: 30, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastModificationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastModifierId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoursesModules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoursesModules_CoursesUniversities_UniversityId",
                        column: x => x.UniversityId,
                        principalTable: "CoursesUniversities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoursesModuleCourses",
                columns: table => new
                {
                    ModuleId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoursesModuleCourses", x => new { x.ModuleId, x.CourseId });
                    table.ForeignKey(
                        name: "FK_CoursesModuleCourses_CoursesCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "CoursesCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoursesModuleCourses_CoursesModules_ModuleId",
                        column: x => x.ModuleId,
                        principalTable: "CoursesModules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesCourses_IsArchived_Name_Id",
                table: "CoursesCourses",
                columns: new[] { "IsArchived", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesCourses_Name_Id",
                table: "CoursesCourses",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesCourses_StudentType_Id",
                table: "CoursesCourses",
                columns: new[] { "StudentType", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesCourses_UniversityId_Name",
                table: "CoursesCourses",
                columns: new[] { "UniversityId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoursesCourses_UniversityId_StudentType_Id",
                table: "CoursesCourses",
                columns: new[] { "UniversityId", "StudentType", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesImports_UniversityId_CreationTime",
                table: "CoursesImports",
                columns: new[] { "UniversityId", "CreationTime" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesModuleCourses_CourseId_ModuleId",
                table: "CoursesModuleCourses",
                columns: new[] { "CourseId", "ModuleId" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesModules_Code_Id",
                table: "CoursesModules",
                columns: new[] { "Code", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesModules_IsArchived_Name_Id",
                table: "CoursesModules",
                columns: new[] { "IsArchived", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesModules_Name_Id",
                table: "CoursesModules",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesModules_StartedOn_Id",
                table: "CoursesModules",
                columns: new[] { "StartedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesModules_UniversityId_Code",
                table: "CoursesModules",
                columns: new[] { "UniversityId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoursesModules_UniversityId_Name_Id",
                table: "CoursesModules",
                columns: new[] { "UniversityId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesModules_UniversityId_StartedOn_Id",
                table: "CoursesModules",
                columns: new[] { "UniversityId", "StartedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesUniversities_EmailDomain",
                table: "CoursesUniversities",
                column: "EmailDomain",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoursesUniversities_FoundedOn_Id",
                table: "CoursesUniversities",
                columns: new[] { "FoundedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesUniversities_IsArchived_Name_Id",
                table: "CoursesUniversities",
                columns: new[] { "IsArchived", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursesUniversities_Name",
                table: "CoursesUniversities",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoursesUniversities_ShortName_Id",
                table: "CoursesUniversities",
                columns: new[] { "ShortName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoursesImports");

            migrationBuilder.DropTable(
                name: "CoursesModuleCourses");

            migrationBuilder.DropTable(
                name: "CoursesCourses");

            migrationBuilder.DropTable(
                name: "CoursesModules");

            migrationBuilder.DropTable(
                name: "CoursesUniversities");
        }
    }
}
