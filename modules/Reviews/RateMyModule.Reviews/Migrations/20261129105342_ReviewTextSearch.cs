using Microsoft.EntityFrameworkCore.Migrations;
using RateMyModule.Reviews.Data;

#nullable disable

namespace RateMyModule.Reviews.Migrations
{
    /// <inheritdoc />
    public partial class ReviewTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A virtual table and triggers, which EF's model cannot describe (see ReviewTextIndex).
            migrationBuilder.Sql(ReviewTextIndex.CreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReviewTextIndex.DropSql);
        }
    }
}
