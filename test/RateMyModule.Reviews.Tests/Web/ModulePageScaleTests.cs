using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;
using Xunit.Abstractions;

namespace RateMyModule.Reviews.Tests.Web;

/// <summary>
/// The module page over many reviews. <c>REVIEWS_BENCHMARK_REVIEWS</c> sets how many (default 20,000 to keep the
/// suite quick; docs/benchmarks/reviews-module-page.sh runs it with 200,000) and <c>REVIEWS_BENCHMARK_OUTPUT</c>
/// a file for the timings.
/// </summary>
public sealed class ModulePageScaleTests(ReviewsWebFactory app, ITestOutputHelper output) : IClassFixture<ReviewsWebFactory>
{
    private const int BatchRows = 200;

    // It loads its thousands of reviews with SQLite's own bulk insert and reads SQLite's query plans.
    [SqliteOnlyFact]
    public async Task The_module_page_reads_aggregates_and_keyset_pages_whatever_the_number_of_reviews()
    {
        var total = int.TryParse(Environment.GetEnvironmentVariable("REVIEWS_BENCHMARK_REVIEWS"), out var n) ? n : 20_000;
        var bigShare = total / 10;
        var small = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Small module");
        var big = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Big module");
        var others = Enumerable.Range(0, 900).Select(i => app.Catalogue.AddModule(i % 2 == 0 ? TestCatalogue.UniversityA : TestCatalogue.UniversityB, $"Module {i}")).ToList();
        _ = app.Services;

        var seeding = Stopwatch.StartNew();
        var smallCount = 200;
        await SeedAsync(total, index => index < smallCount ? small : index < smallCount + bigShare ? big : others[index % others.Count]);
        await app.AsAsync(null, async sp =>
        {
            await sp.GetRequiredService<ModuleStatsRebuilder>().RebuildAsync([small.Id, big.Id, .. others.Select(o => o.Id)]);
            return true;
        });
        seeding.Stop();

        var client = app.CreateClient();
        var results = new List<(string Name, double Median, double P95)>();
        async Task MeasureAsync(string name, string url, bool htmx = false)
        {
            var times = new List<double>();
            for (var i = 0; i < 23; i++)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (htmx)
                {
                    request.Headers.Add("HX-Request", "true");
                    request.Headers.Add("HX-Target", "reviews");
                }

                var watch = Stopwatch.StartNew();
                var response = await client.SendAsync(request);
                await response.Content.ReadAsStringAsync();
                watch.Stop();
                response.EnsureSuccessStatusCode();
                if (i >= 3)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            results.Add((name, times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1]));
        }

        var page = await Html.ParseAsync(await client.GetAsync($"{TestCatalogue.PathOf(big)}"));
        page.QuerySelector("[data-figure=count]")!.TextContent.Trim().ShouldBe(bigShare.ToString(CultureInfo.InvariantCulture));
        var next = page.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await Html.ParseAsync(await client.GetAsync(next));
        second.QuerySelectorAll("article.review").Select(a => a.Id).Intersect(page.QuerySelectorAll("article.review").Select(a => a.Id)).ShouldBeEmpty();

        await MeasureAsync("small module (200 reviews), full page", $"{TestCatalogue.PathOf(small)}");
        await MeasureAsync($"big module ({bigShare:N0} reviews), full page", $"{TestCatalogue.PathOf(big)}");
        await MeasureAsync("big module, most helpful", $"{TestCatalogue.PathOf(big)}?sort=MostHelpful");
        await MeasureAsync("big module, second keyset page (htmx fragment)", next, htmx: true);
        await MeasureAsync("big module, 4 stars in 2024/25 (htmx fragment)", $"{TestCatalogue.PathOf(big)}?rating=4&year=2024", htmx: true);
        await MeasureAsync("big module, text search (htmx fragment)", $"{TestCatalogue.PathOf(big)}?q=labs", htmx: true);
        await MeasureAsync("big module, trend of all four ratings", $"{TestCatalogue.PathOf(big)}?trend=Overall&trend=Difficulty&trend=Assessment&trend=Teaching");

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Reviews in the database: {total:N0} (seeded in {seeding.Elapsed.TotalSeconds:0.0} s)")
            .AppendLine("| request | median ms | p95 ms |")
            .AppendLine("|---|---:|---:|");
        foreach (var (name, median, p95) in results)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {median:0.0} | {p95:0.0} |");
        }

        output.WriteLine(report.ToString());
        if (Environment.GetEnvironmentVariable("REVIEWS_BENCHMARK_OUTPUT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, report.ToString());
        }

        // Generous: a shared 2-core machine; what matters is that no request grows with the review count.
        results.ShouldAllBe(r => r.Median < 1500);
    }

    /// <summary>Multi-row INSERTs of <see cref="BatchRows"/> reviews, all inside one transaction.</summary>
    private async Task SeedAsync(int total, Func<int, ModuleDto> moduleOf)
    {
        var toBinary = new DateTimeOffsetToBinaryConverter();
        var start = new DateTimeOffset(2020, 9, 1, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(7);
        string[] texts = ["Good labs and clear lectures.", "Hard exam, fair coursework.", "", "Loved the group project.\nWould take again."];
        await using var connection = new SqliteConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        for (var offset = 0; offset < total; offset += BatchRows)
        {
            var rows = Math.Min(BatchRows, total - offset);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO RevReviews (Id, ModuleId, UniversityId, AuthorId, AuthorSnapshot, Overall, Difficulty, Assessment, Teaching, Text, AcademicYear, HelpfulCount, NotHelpfulCount, Score, IsHidden, ConcurrencyStamp, CreationTime) VALUES ");
            for (var r = 0; r < rows; r++)
            {
                var index = offset + r;
                var module = moduleOf(index);
                var helpful = random.Next(0, 8);
                var notHelpful = random.Next(0, 4);
                sql.Append(r == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"($i{r},$m{r},$u{r},$a{r},'a computer scientist | UoA',{random.Next(1, 6)},{random.Next(1, 6)},NULL,{random.Next(1, 6)},$t{r},{random.Next(2020, 2027)},{helpful},{notHelpful},{helpful - notHelpful},0,'x',$c{r})");
                command.Parameters.AddWithValue($"$i{r}", Guid.CreateVersion7().ToString().ToUpperInvariant());
                command.Parameters.AddWithValue($"$m{r}", module.Id.ToString().ToUpperInvariant());
                command.Parameters.AddWithValue($"$u{r}", module.UniversityId.ToString().ToUpperInvariant());
                command.Parameters.AddWithValue($"$a{r}", Guid.NewGuid().ToString().ToUpperInvariant());
                command.Parameters.AddWithValue($"$t{r}", texts[index % texts.Length]);
                command.Parameters.AddWithValue($"$c{r}", toBinary.ConvertToProvider(start.AddMinutes(index))!);
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
