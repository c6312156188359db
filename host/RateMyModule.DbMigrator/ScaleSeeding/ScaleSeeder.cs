using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Data.Providers;

namespace RateMyModule.DbMigrator.ScaleSeeding;

/// <summary>
/// The large-data mode of the DbMigrator (<c>--seed-scale</c>, <c>--bench-users</c>): generated reviews and
/// benchmark students on top of the demo data, for docs/benchmarks/throughput.sh. Prints one
/// <c>scale-seed:</c> line per fact the script needs (the big module, a tag, the rare word).
/// </summary>
public sealed class ScaleSeeder(IOptions<DatabaseOptions> database, IDatabaseEngine engine, ScaleReviewGenerator reviews, BenchmarkUserGenerator users)
{
    public async Task SeedAsync(ScaleSeedOptions options, CancellationToken cancellationToken = default)
    {
        // The generators write SQLite's own SQL straight into the tables, for speed; PostgreSQL gets the demo data only.
        if (engine.Kind != DatabaseProviderKind.Sqlite)
        {
            throw new InvalidOperationException("--seed-scale and --bench-users write SQLite files only; run them with DATABASE_PROVIDER=sqlite.");
        }

        await using var connection = new SqliteConnection(database.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        // Only this connection: a generator that is re-run from scratch after a crash need not pay for fsyncs.
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        var catalogue = await ScaleCatalogue.ReadAsync(connection, cancellationToken);
        if (options.Reviews > 0)
        {
            var report = await reviews.GenerateAsync(connection, catalogue, options.Reviews, cancellationToken);
            Console.WriteLine($"scale-seed: reviews={options.Reviews} seconds={report.Elapsed.TotalSeconds:0.0}");
            Console.WriteLine($"scale-seed: big-module={report.BigModuleId} big-module-reviews={report.BigModuleReviews}");
            Console.WriteLine($"scale-seed: tag={report.TagId} rare-word={report.RareWord}");
        }

        if (options.BenchUsers > 0)
        {
            var added = await users.GenerateAsync(connection, catalogue, options.BenchUsers, options.BenchPassword, cancellationToken);
            Console.WriteLine($"scale-seed: bench-users={options.BenchUsers} added={added} first={BenchmarkUserGenerator.EmailOf(1, catalogue.University)} university={catalogue.University.Id}");
        }

        // Let the query planner see the new sizes before the first request.
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "PRAGMA optimize;";
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }
}
