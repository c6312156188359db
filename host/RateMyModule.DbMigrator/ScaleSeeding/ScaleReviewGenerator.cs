using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RateMyModule.DbMigrator.ScaleSeeding;

/// <summary>What the generator put where, for the benchmark script to aim at.</summary>
public sealed record ScaleReviewReport(Guid BigModuleId, int BigModuleReviews, Guid TagId, string RareWord, TimeSpan Elapsed);

/// <summary>
/// Adds many reviews fast: multi-row INSERTs with literal values inside large transactions, then the per-module
/// aggregates rebuilt in SQL from the visible reviews (as the Reviews module's ModuleStatsRebuilder does for bulk
/// loads). A bulk generator cannot go through the Reviews services one row at a time and still finish 1,000,000
/// reviews in minutes, so it writes the Reviews module's tables (RevReviews, RevReviewTags, RevModuleReviewStats,
/// RevModuleRatingCounts) directly and only reads the Courses module's catalogue tables.
/// </summary>
public sealed class ScaleReviewGenerator(TimeProvider clock)
{
    /// <summary>One review in fifty goes to the big module: 20,000 of 1,000,000, as issue 10 measures.</summary>
    public const int BigModuleShare = 50;

    /// <summary>A word only a few reviews of each module contain, for the text-search measurement.</summary>
    public const string RareWord = "quokka";

    private const int RowsPerInsert = 500;
    private const int RowsPerTransaction = 100_000;
    private const int RareWordEvery = 5_000;

    private static readonly string[] Texts =
    [
        "Well organised, and the labs made the lectures click.",
        "Start the coursework early; the deadlines bunch up at the end of term.",
        "The exam matched the past papers closely. Lectures were recorded.",
        "Brilliant teaching. I use what I learnt here every week.",
        "Too much content for one term; the group project saved it.",
        "Fair marking and quick feedback on every assignment.",
        "",
        "Hard going at first, but the weekly problem sheets pay off before the exam.",
    ];

    private static readonly Func<DateTimeOffset, long> ToBinary = (Func<DateTimeOffset, long>)new DateTimeOffsetToBinaryConverter().ConvertToProviderExpression.Compile();

    public async Task<ScaleReviewReport> GenerateAsync(SqliteConnection connection, ScaleCatalogue catalogue, int total, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var big = catalogue.BigModule;
        var others = catalogue.Modules.Where(m => m.Id != big.Id).ToList();
        if (others.Count == 0 || catalogue.TagIds.Count == 0)
        {
            throw new InvalidOperationException("The scale seed needs the demo catalogue and tags: run with --seed-demo on a fresh database.");
        }

        var random = new Random(10);
        var now = clock.GetUtcNow();
        var lastYear = now.Month >= 9 ? now.Year : now.Year - 1;
        var perModule = new Dictionary<Guid, int>();
        var reviews = new StringBuilder();
        var tags = new StringBuilder();
        var bigCount = 0;
        SqliteTransaction? transaction = null;
        try
        {
            for (var index = 0; index < total; index++)
            {
                if (index % RowsPerTransaction == 0)
                {
                    if (transaction is not null)
                    {
                        await FlushAsync(connection, transaction, reviews, tags, cancellationToken);
                        await transaction.CommitAsync(cancellationToken);
                        await transaction.DisposeAsync();
                        Console.WriteLine($"scale-seed: {index:N0} of {total:N0} reviews ({watch.Elapsed.TotalSeconds:0} s)");
                    }

                    transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                }

                var module = index % BigModuleShare == 0 ? big : others[index % others.Count];
                bigCount += module.Id == big.Id ? 1 : 0;
                var local = perModule[module.Id] = perModule.GetValueOrDefault(module.Id) + 1;
                AppendReview(reviews, tags, catalogue, module, local, index, random, lastYear, now);
                if ((index + 1) % RowsPerInsert == 0)
                {
                    await FlushAsync(connection, transaction!, reviews, tags, cancellationToken);
                }
            }

            if (transaction is not null)
            {
                await FlushAsync(connection, transaction, reviews, tags, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        Console.WriteLine($"scale-seed: {total:N0} reviews inserted in {watch.Elapsed.TotalSeconds:0.0} s; rebuilding the module aggregates");
        await RebuildAggregatesAsync(connection, cancellationToken);
        return new ScaleReviewReport(big.Id, bigCount, catalogue.TagIds[0], RareWord, watch.Elapsed);
    }

    private static void AppendReview(
        StringBuilder reviews, StringBuilder tags, ScaleCatalogue catalogue, ScaleModule module, int local, int index, Random random, int lastYear, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
        var overall = random.Next(1, 6);
        var difficulty = random.Next(0, 6) is var d and > 0 ? d.ToString(CultureInfo.InvariantCulture) : "NULL";
        var assessment = random.Next(0, 6) is var a and > 0 ? a.ToString(CultureInfo.InvariantCulture) : "NULL";
        var teaching = Math.Clamp(overall + random.Next(-1, 2), 1, 5);
        var text = Texts[index % Texts.Length];
        if (local % RareWordEvery == 1)
        {
            text = $"Saw a {RareWord} on the field trip, which was the highlight of the module.";
        }

        var year = random.Next(Math.Min(module.FirstAcademicYear, lastYear), lastYear + 1);
        var created = ToBinary(now.AddSeconds(-index));
        reviews.Append(reviews.Length == 0
            ? "INSERT INTO RevReviews (Id, ModuleId, UniversityId, AuthorId, AuthorSnapshot, Overall, Difficulty, Assessment, Teaching, Text, AcademicYear, HelpfulCount, NotHelpfulCount, Score, IsHidden, ConcurrencyStamp, CreationTime) VALUES "
            : ",");
        reviews.Append(CultureInfo.InvariantCulture,
            $"('{id}','{Upper(module.Id)}','{Upper(module.UniversityId)}','{Upper(Guid.CreateVersion7())}','{Quote(catalogue.SnapshotOf(module))}',{overall},{difficulty},{assessment},{teaching},'{Quote(text)}',{year},0,0,0,0,'{Guid.NewGuid()}',{created})");
        if (index % 3 == 0)
        {
            var tag = catalogue.TagIds[index / 3 % catalogue.TagIds.Count];
            tags.Append(tags.Length == 0 ? "INSERT INTO RevReviewTags (ReviewId, TagId) VALUES " : ",")
                .Append(CultureInfo.InvariantCulture, $"('{id}','{Upper(tag)}')");
        }
    }

    private static async Task FlushAsync(SqliteConnection connection, SqliteTransaction transaction, StringBuilder reviews, StringBuilder tags, CancellationToken cancellationToken)
    {
        foreach (var sql in new[] { reviews, tags }.Where(b => b.Length > 0))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql.ToString();
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
            sql.Clear();
        }
    }

    /// <summary>
    /// The same rows ModuleStatsRebuilder computes, for every module at once, from one scan of the reviews: counts per
    /// module, year and star go into a small temporary table, which the two aggregate tables are then filled from; tag counts come from a join of tags and reviews.
    /// </summary>
    private static async Task RebuildAggregatesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        string[] dimensions = ["Overall", "Difficulty", "Assessment", "Teaching"];
        var stars = Enumerable.Range(1, 5).ToList();
        var cells = string.Join(", ", dimensions.SelectMany(d => stars.Select(s => $"SUM({d} = {s}) AS {d}{s}")));
        var sql = new StringBuilder()
            .AppendLine("DROP TABLE IF EXISTS temp.ScaleCells;")
            .AppendLine(CultureInfo.InvariantCulture, $"""
                CREATE TEMP TABLE ScaleCells AS SELECT ModuleId, AcademicYear, COUNT(*) AS ReviewCount, SUM(Overall) AS OverallSum,
                    COALESCE(SUM(Difficulty), 0) AS DifficultySum, COUNT(Difficulty) AS DifficultyCount, COALESCE(SUM(Assessment), 0) AS AssessmentSum,
                    COUNT(Assessment) AS AssessmentCount, COALESCE(SUM(Teaching), 0) AS TeachingSum, COUNT(Teaching) AS TeachingCount, {cells}
                FROM RevReviews WHERE IsHidden = 0 GROUP BY ModuleId, AcademicYear;
                """)
            .AppendLine("DELETE FROM RevModuleRatingCounts;")
            .AppendLine("DELETE FROM RevModuleReviewStats;")
            .AppendLine("""
                INSERT INTO RevModuleReviewStats (ModuleId, ReviewCount, OverallSum, DifficultySum, DifficultyCount, AssessmentSum, AssessmentCount, TeachingSum, TeachingCount)
                SELECT ModuleId, SUM(ReviewCount), SUM(OverallSum), SUM(DifficultySum), SUM(DifficultyCount), SUM(AssessmentSum), SUM(AssessmentCount),
                    SUM(TeachingSum), SUM(TeachingCount)
                FROM ScaleCells GROUP BY ModuleId;
                """);

        // RatingDimension: Overall = 0, Difficulty = 1, Assessment = 2, Teaching = 3.
        for (var d = 0; d < dimensions.Length; d++)
        {
            foreach (var star in stars)
            {
                sql.AppendLine(CultureInfo.InvariantCulture,
                    $"INSERT INTO RevModuleRatingCounts (ModuleId, Dimension, AcademicYear, Star, Count) SELECT ModuleId, {d}, AcademicYear, {star}, {dimensions[d]}{star} FROM ScaleCells WHERE {dimensions[d]}{star} > 0;");
            }
        }

        sql.AppendLine("DROP TABLE temp.ScaleCells;")
            .AppendLine("DELETE FROM RevModuleTagCounts;")
            .AppendLine("""
                INSERT INTO RevModuleTagCounts (ModuleId, TagId, Count)
                SELECT r.ModuleId, rt.TagId, COUNT(*) FROM RevReviewTags rt JOIN RevReviews r ON r.Id = rt.ReviewId
                WHERE r.IsHidden = 0 GROUP BY r.ModuleId, rt.TagId;
                """);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql.ToString();
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Upper(Guid id) => id.ToString().ToUpperInvariant();

    private static string Quote(string text) => text.Replace("'", "''", StringComparison.Ordinal);
}
