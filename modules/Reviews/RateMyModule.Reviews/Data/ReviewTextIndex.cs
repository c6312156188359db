using RateMyModule.Framework.Data;

namespace RateMyModule.Reviews.Data;

/// <summary>
/// The substring index of review texts, queried through <see cref="SubstringSearch"/>. On SQLite: an FTS5 table with the trigram tokenizer, so any phrase of three
/// or more characters is found as a substring (as LIKE '%…%' finds it) from the index, case-insensitively. Each
/// entry's FTS rowid is kept in <c>RevReviewsTextKeys</c> by review id, because the rowids of <c>RevReviews</c>
/// itself may change on VACUUM. Triggers on <c>RevReviews</c> keep both equal to the reviews in the same transaction.
/// On PostgreSQL: <c>RevReviewsText</c> is a view of <c>RevReviews</c>, whose text carries a pg_trgm GIN index that
/// answers the same phrases (ILIKE) with nothing to keep in step.
/// </summary>
public static class ReviewTextIndex
{
    public const string Table = "RevReviewsText";

    /// <summary>Shorter phrases have no trigram to look up; they are matched against the module's reviews instead.</summary>
    public const int MinimumLength = SubstringSearch.MinimumLength;

    public const string CreateSql = """
        CREATE VIRTUAL TABLE RevReviewsText USING fts5(ReviewId UNINDEXED, ModuleId UNINDEXED, Text, tokenize = 'trigram');
        CREATE TABLE RevReviewsTextKeys (ReviewId TEXT NOT NULL PRIMARY KEY, TextRowId INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO RevReviewsText (ReviewId, ModuleId, Text) SELECT Id, ModuleId, Text FROM RevReviews;
        INSERT INTO RevReviewsTextKeys (ReviewId, TextRowId) SELECT ReviewId, rowid FROM RevReviewsText;
        CREATE TRIGGER RevReviewsText_Insert AFTER INSERT ON RevReviews BEGIN
            INSERT INTO RevReviewsText (ReviewId, ModuleId, Text) VALUES (new.Id, new.ModuleId, new.Text);
            INSERT INTO RevReviewsTextKeys (ReviewId, TextRowId) VALUES (new.Id, last_insert_rowid());
        END;
        CREATE TRIGGER RevReviewsText_Update AFTER UPDATE OF Text ON RevReviews BEGIN
            UPDATE RevReviewsText SET Text = new.Text
            WHERE rowid = (SELECT TextRowId FROM RevReviewsTextKeys WHERE ReviewId = old.Id);
        END;
        CREATE TRIGGER RevReviewsText_Delete AFTER DELETE ON RevReviews BEGIN
            DELETE FROM RevReviewsText WHERE rowid = (SELECT TextRowId FROM RevReviewsTextKeys WHERE ReviewId = old.Id);
            DELETE FROM RevReviewsTextKeys WHERE ReviewId = old.Id;
        END;
        """;

    public const string DropSql = """
        DROP TRIGGER IF EXISTS RevReviewsText_Delete;
        DROP TRIGGER IF EXISTS RevReviewsText_Update;
        DROP TRIGGER IF EXISTS RevReviewsText_Insert;
        DROP TABLE IF EXISTS RevReviewsTextKeys;
        DROP TABLE IF EXISTS RevReviewsText;
        """;

    public const string CreatePostgresSql = """
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX "IX_RevReviews_Text_Trigram" ON "RevReviews" USING gin ("Text" gin_trgm_ops);
        CREATE VIEW "RevReviewsText" AS SELECT "Id" AS "ReviewId", "ModuleId", "Text" FROM "RevReviews";
        """;

    public const string DropPostgresSql = """
        DROP VIEW IF EXISTS "RevReviewsText";
        DROP INDEX IF EXISTS "IX_RevReviews_Text_Trigram";
        """;

    /// <summary>
    /// Matches this many reviews of a module at most before a search walks the module's own index instead: up to
    /// here each match is fetched by its key, past it matches are common enough that the first page comes soon.
    /// </summary>
    public const int KeyLookupLimit = 200;

    /// <summary>
    /// The ids of the module's reviews whose text contains <paramref name="phrase"/> (at least
    /// <see cref="MinimumLength"/> characters), as a query to compose.
    /// </summary>
    public static IQueryable<Guid> Containing(ReviewsDbContext db, Guid moduleId, string phrase)
        => SubstringSearch.Matching<ReviewTextEntry>(db, Table, nameof(ReviewTextEntry.Text), phrase)
            .Where(t => t.ModuleId == moduleId)
            .Select(t => t.ReviewId);
}
