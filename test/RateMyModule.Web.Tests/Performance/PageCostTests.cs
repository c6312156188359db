using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Data.Providers;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Web.Tests.Performance;

/// <summary>
/// What keeps pages fast, pinned without timing anything: how many SQL commands a page sends, what the output cache
/// serves and what it must never serve, and that a committed write is seen by the very next read.
/// </summary>
public sealed class PageCostTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    [Fact]
    public async Task A_visitor_is_served_the_module_page_from_the_cache_with_no_sql()
    {
        var module = await site.FindModuleAsync();
        using var client = site.CreateRecordedClient();
        using var recorder = SqlCommandRecorder.Start();
        (await client.GetAsync($"{module.PagePath}?sort=Highest")).StatusCode.ShouldBe(HttpStatusCode.OK);
        recorder.Commands.ShouldNotBeEmpty("the first request reads the reviews (and shows the recorder sees the server's SQL)");

        recorder.Clear();
        var again = await client.GetAsync($"{module.PagePath}?sort=Highest");

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.Headers.Age.ShouldNotBeNull("the second visitor request is served from the output cache");
        recorder.Commands.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signed_in_students_module_page_reads_nothing_until_something_changes_and_is_never_output_cached()
    {
        var module = await site.FindModuleAsync();
        using var client = site.CreateRecordedClient();
        client.DefaultRequestHeaders.Add(TestUser.Header, module.Student.Encode());
        (await client.GetAsync(module.PagePath)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var recorder = SqlCommandRecorder.Start();
        var again = await client.GetAsync(module.PagePath);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.Headers.Age.ShouldBeNull("a signed-in user's page is personal");
        // The review page, its tags, the student's votes and own review, follow state and unread notifications, the
        // catalogue, statistics, permissions and eligibility: all from the data cache while nothing has changed.
        recorder.Commands.ShouldBeEmpty(string.Join("\n\n", recorder.Commands.Select(c => c.Sql)));

        // Their own vote shows on the very next page: the write moved the Reviews generation.
        var newest = await client.GetFromJsonAsync<JsonElement>($"/api/v1/modules/{module.Id}/reviews?sort=Newest");
        var reviewId = ReviewIds(newest).First(module.ReviewIds.Contains);
        (await client.PutAsJsonAsync($"/api/v1/reviews/{reviewId}/vote", new { kind = "Helpful" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        recorder.Clear();
        var page = await client.GetStringAsync(module.PagePath + "?sort=Newest");
        recorder.Commands.ShouldNotBeEmpty("the page after a write reads the database again");
        var voteBox = page[page.IndexOf($"id=\"votes-{reviewId}\"", StringComparison.Ordinal)..];
        voteBox[..voteBox.IndexOf("</div>", StringComparison.Ordinal)].ShouldContain("aria-pressed=\"true\"");

        await client.DeleteAsync($"/api/v1/reviews/{reviewId}/vote");
    }

    [Fact]
    public async Task With_caching_turned_off_every_request_reads_the_database()
    {
        var module = await site.FindModuleAsync();
        using var uncached = site.WithWebHostBuilder(b => b.UseSetting("Caching:Enabled", "false"));
        using var client = uncached.CreateClient();
        var api = $"/api/v1/modules/{module.Id}/reviews?sort=Newest";
        var reviewId = ReviewIds(await client.GetFromJsonAsync<JsonElement>(api)).First();
        (await client.GetAsync(module.PagePath)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Changed behind the application's back (no unit of work, so no generation moves): only a request that
        // reads the database can show it.
        var marker = $"Read-again-{Guid.NewGuid():N}";
        var original = await SetReviewTextAsync(uncached, reviewId, marker);
        try
        {
            var again = await client.GetAsync(module.PagePath);
            again.Headers.Age.ShouldBeNull();
            (await again.Content.ReadAsStringAsync()).ShouldContain(marker);
            (await client.GetStringAsync(api)).ShouldContain(marker);
        }
        finally
        {
            await SetReviewTextAsync(uncached, reviewId, original);
        }
    }

    private static async Task<string> SetReviewTextAsync(WebApplicationFactory<Program> host, Guid reviewId, string text)
    {
        var connectionString = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        var engine = host.Services.GetRequiredService<IDatabaseEngine>();
        // SQLite keeps ids as upper-case text, PostgreSQL as uuid.
        object id = engine.Kind == DatabaseProviderKind.Sqlite ? reviewId.ToString().ToUpperInvariant() : reviewId;
        await using var connection = engine.CreateConnection(connectionString);
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT \"Text\" FROM \"RevReviews\" WHERE \"Id\" = @id";
        AddParameter(read, "id", id);
        var before = (string)(await read.ExecuteScalarAsync())!;
        await using var write = connection.CreateCommand();
        write.CommandText = "UPDATE \"RevReviews\" SET \"Text\" = @text WHERE \"Id\" = @id";
        AddParameter(write, "text", text);
        AddParameter(write, "id", id);
        (await write.ExecuteNonQueryAsync()).ShouldBe(1);
        return before;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/favicon.svg")]
    public async Task Pages_that_need_no_data_send_no_sql(string path)
    {
        using var client = site.CreateRecordedClient();
        using var recorder = SqlCommandRecorder.Start();

        (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);

        recorder.Commands.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_home_page_reads_a_few_cached_lists_once_then_is_served_from_the_cache()
    {
        using var client = site.CreateRecordedClient();
        using var recorder = SqlCommandRecorder.Start();
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The universities, the newest reviews' modules and their figures: a few bounded reads, whatever the data.
        recorder.Commands.Count.ShouldBeInRange(1, 4, string.Join("\n\n", recorder.Commands.Select(c => c.Sql)));

        recorder.Clear();
        var again = await client.GetAsync("/");
        again.Headers.Age.ShouldNotBeNull();
        recorder.Commands.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_vote_is_seen_by_the_next_visitor_request_though_the_page_was_cached()
    {
        var module = await site.FindModuleAsync();
        using var visitor = site.CreateClient();
        var api = $"/api/v1/modules/{module.Id}/reviews?sort=Newest";
        await visitor.GetAsync(api);
        var cached = await visitor.GetAsync(api);
        var reviewId = ReviewIds(await visitor.GetFromJsonAsync<JsonElement>(api)).First(module.ReviewIds.Contains);
        cached.Headers.Age.ShouldNotBeNull();
        var before = HelpfulCount(await cached.Content.ReadFromJsonAsync<JsonElement>(), reviewId);
        var pageBefore = await visitor.GetStringAsync(module.PagePath);

        using var student = site.CreateClientAs(module.Student);
        (await student.PutAsJsonAsync($"/api/v1/reviews/{reviewId}/vote", new { kind = "Helpful" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await visitor.GetAsync(api);
        after.Headers.Age.ShouldBeNull("the entry made before the vote is not served after it");
        HelpfulCount(await after.Content.ReadFromJsonAsync<JsonElement>(), reviewId).ShouldBe(before + 1);
        (await visitor.GetStringAsync(module.PagePath)).ShouldNotBe(pageBefore);

        await student.DeleteAsync($"/api/v1/reviews/{reviewId}/vote");
    }

    [Fact]
    public async Task Posts_are_never_answered_from_the_cache()
    {
        var module = await site.FindModuleAsync();
        using var visitor = site.CreateClient(new() { AllowAutoRedirect = false });
        var url = $"/api/v1/reviews/{module.ReviewIds[0]}/vote";

        var first = await visitor.PutAsJsonAsync(url, new { kind = "Helpful" });
        var second = await visitor.PutAsJsonAsync(url, new { kind = "Helpful" });

        first.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        second.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        second.Headers.Age.ShouldBeNull();
    }

    [Fact]
    public async Task Concurrent_votes_are_queued_not_refused_and_all_counted()
    {
        var module = await site.FindModuleAsync();
        using var student = site.CreateClientAs(module.Student);
        using var visitor = site.CreateClient();
        var api = $"/api/v1/modules/{module.Id}/reviews?sort=Newest";
        var before = await visitor.GetFromJsonAsync<JsonElement>(api);
        var reviews = ReviewIds(before).Where(module.ReviewIds.Contains).ToList();
        reviews.Count.ShouldBeGreaterThan(4);

        var answers = await Task.WhenAll(reviews.Select(id => student.PutAsJsonAsync($"/api/v1/reviews/{id}/vote", new { kind = "Helpful" })));

        answers.Select(a => a.StatusCode).ShouldAllBe(code => code == HttpStatusCode.OK);
        var after = await visitor.GetFromJsonAsync<JsonElement>(api);
        foreach (var id in reviews)
        {
            HelpfulCount(after, id).ShouldBe(HelpfulCount(before, id) + 1);
        }

        await Task.WhenAll(reviews.Select(id => student.DeleteAsync($"/api/v1/reviews/{id}/vote")));
    }

    private static List<Guid> ReviewIds(JsonElement page)
        => page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();

    private static int HelpfulCount(JsonElement page, Guid reviewId)
        => HelpfulCountOrNull(page, reviewId) ?? throw new ShouldAssertException($"review {reviewId} is not on the first page");

    private static int? HelpfulCountOrNull(JsonElement page, Guid reviewId)
    {
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("id").GetGuid() == reviewId)
            {
                return item.GetProperty("helpfulCount").GetInt32();
            }
        }

        return null;
    }
}
