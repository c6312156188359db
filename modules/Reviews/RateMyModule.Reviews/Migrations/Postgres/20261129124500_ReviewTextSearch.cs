using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RateMyModule.Reviews.Data;

#nullable disable

namespace RateMyModule.Reviews.Migrations.Postgres
{
    /// <summary>
    /// The PostgreSQL counterpart of the SQLite set's FTS5 index: a pg_trgm GIN index on the review text and the
    /// <c>RevReviewsText</c> view the search reads (see <see cref="ReviewTextIndex"/>). EF's model cannot describe a
    /// view over its own table, so this one is written by hand and changes no model.
    /// </summary>
    [DbContext(typeof(ReviewsDbContext))]
    [Migration("20261129124500_ReviewTextSearch")]
    public partial class ReviewTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReviewTextIndex.CreatePostgresSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReviewTextIndex.DropPostgresSql);
        }
    }
}
