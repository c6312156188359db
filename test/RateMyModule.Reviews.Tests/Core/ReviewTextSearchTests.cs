using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;

namespace RateMyModule.Reviews.Tests.Core;

/// <summary>The module page's text filter, answered by the full-text index and kept equal to the reviews by triggers.</summary>
public sealed class ReviewTextSearchTests(ReviewsCoreFixture app) : IClassFixture<ReviewsCoreFixture>
{
    private Task<List<string>> SearchAsync(Guid moduleId, string text) =>
        app.AsAsync(null, async sp => (await sp.GetRequiredService<ReviewListQuery>()
            .GetPageAsync(moduleId, TestCatalogue.UniversityA, new ReviewFilter(Text: text), 50)).Items.Select(r => r.Text).ToList());

    [Fact]
    public async Task Finds_a_phrase_inside_words_whatever_its_case_and_only_in_the_module()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var other = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: "Superb lectures on Recursion");
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: "Dull labs");
        await app.WriteReviewAsync(Guid.NewGuid(), other.Id, text: "Recursive descent parsers");

        (await SearchAsync(module.Id, "recurs")).ShouldBe(["Superb lectures on Recursion"]);
        (await SearchAsync(module.Id, "LECTURES ON")).ShouldBe(["Superb lectures on Recursion"]);
        (await SearchAsync(module.Id, "parsers")).ShouldBeEmpty();
        (await SearchAsync(module.Id, "la")).ShouldBe(["Dull labs"]);
    }

    [Theory]
    [InlineData("\"quoted\" OR x")]
    [InlineData("NEAR(a b)")]
    [InlineData("col:*")]
    [InlineData("100%_")]
    public async Task Query_syntax_in_the_text_is_searched_for_as_written(string text)
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: $"It said {text} on the slide");
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: "Nothing odd here");

        (await SearchAsync(module.Id, text)).ShouldBe([$"It said {text} on the slide"]);
    }

    [Fact]
    public async Task Edits_and_deletions_reach_the_index_in_the_same_transaction()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var author = Guid.NewGuid();
        var id = await app.WriteReviewAsync(author, module.Id, text: "Brilliant seminars");

        await app.AsAsync(TestPrincipals.Student(author), sp => sp.GetRequiredService<ReviewService>()
            .UpdateAsync(id, new ReviewInput(4, 3, null, 4, "Tedious seminars", 2024, [])));
        (await SearchAsync(module.Id, "brilliant")).ShouldBeEmpty();
        (await SearchAsync(module.Id, "tedious")).ShouldBe(["Tedious seminars"]);

        await app.AsAsync(TestPrincipals.Student(author), sp => sp.GetRequiredService<ReviewService>().DeleteAsync(id));
        (await SearchAsync(module.Id, "tedious")).ShouldBeEmpty();
        (await app.DbAsync(db => db.Set<ReviewTextEntry>().FromSqlRaw("SELECT * FROM \"RevReviewsText\"").CountAsync(t => t.ReviewId == id))).ShouldBe(0);
    }

    [SqliteOnlyFact]
    public async Task The_search_asks_the_full_text_index()
    {
        var plan = await app.DbAsync(async db =>
        {
            var sql = ReviewTextIndex.Containing(db, Guid.NewGuid(), "rare phrase").ToQueryString();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql[(sql.IndexOf("SELECT", StringComparison.Ordinal))..];
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p0";
            parameter.Value = "\"rare phrase\"";
            command.Parameters.Add(parameter);
            var module = command.CreateParameter();
            module.ParameterName = "@moduleId";
            module.Value = Guid.NewGuid().ToString().ToUpperInvariant();
            command.Parameters.Add(module);
            var details = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                details.Add(reader.GetString(3));
            }

            return string.Join("\n", details);
        });

        // The index finds the matching texts (a rare phrase's few are then fetched by key by the page's query).
        plan.ShouldContain("VIRTUAL TABLE INDEX", customMessage: plan);
    }
}
