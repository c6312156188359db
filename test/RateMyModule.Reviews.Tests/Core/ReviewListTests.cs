using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Tests.Fakes;

namespace RateMyModule.Reviews.Tests.Core;

public sealed class ReviewListTests(ReviewsCoreFixture app) : IClassFixture<ReviewsCoreFixture>
{
    private async Task<List<ReviewView>> AllPagesAsync(Guid moduleId, ReviewFilter filter, int pageSize = 3)
    {
        var all = new List<ReviewView>();
        string? cursor = null;
        do
        {
            var page = await app.AsAsync(null, sp => sp.GetRequiredService<ReviewListQuery>()
                .GetPageAsync(moduleId, TestCatalogue.UniversityA, filter with { After = cursor }, pageSize));
            page.Items.Count.ShouldBeLessThanOrEqualTo(pageSize);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }

    [Theory]
    [InlineData(ReviewSort.Newest)]
    [InlineData(ReviewSort.MostHelpful)]
    [InlineData(ReviewSort.Highest)]
    [InlineData(ReviewSort.Lowest)]
    public async Task Keyset_pages_cover_every_review_once_in_the_chosen_order(ReviewSort sort)
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var random = new Random((int)sort);
        for (var i = 0; i < 11; i++)
        {
            app.Host.Clock.Advance(TimeSpan.FromMinutes(random.Next(0, 2)));
            var id = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: random.Next(1, 6));
            for (var v = random.Next(0, 3); v > 0; v--)
            {
                await app.AsAsync(TestPrincipals.Student(Guid.NewGuid()), sp => sp.GetRequiredService<VoteService>().VoteAsync(id, VoteKind.Helpful));
            }
        }

        var listed = await AllPagesAsync(module.Id, new ReviewFilter(Sort: sort));
        var reviews = await app.DbAsync(db => db.Reviews.AsNoTracking().Where(r => r.ModuleId == module.Id).ToListAsync());
        listed.Select(r => r.Id).ShouldBe(reviews.Select(r => r.Id), ignoreOrder: true);
        listed.Select(r => r.Id).Distinct().Count().ShouldBe(11);
        switch (sort)
        {
            case ReviewSort.Newest:
                listed.Select(r => r.CreationTime).ShouldBeInOrder(SortDirection.Descending);
                break;
            case ReviewSort.MostHelpful:
                listed.Select(r => r.Score).ShouldBeInOrder(SortDirection.Descending);
                break;
            case ReviewSort.Highest:
                listed.Select(r => r.Overall).ShouldBeInOrder(SortDirection.Descending);
                break;
            default:
                listed.Select(r => r.Overall).ShouldBeInOrder(SortDirection.Ascending);
                break;
        }
    }

    [Fact]
    public async Task Filters_by_text_rating_year_and_tags_combine()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: 5, text: "Loved the 100% coursework", year: 2023, "Java");
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: 5, text: "Loved the exam", year: 2024, "Java");
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: 2, text: "Hated the coursework", year: 2023);
        var java = await app.DbAsync(db => db.Tags.SingleAsync(t => t.NormalizedName == "JAVA"));

        (await AllPagesAsync(module.Id, new ReviewFilter(Text: "coursework"))).Count.ShouldBe(2);
        (await AllPagesAsync(module.Id, new ReviewFilter(Text: "100%"))).Count.ShouldBe(1);
        (await AllPagesAsync(module.Id, new ReviewFilter(Text: "_"))).Count.ShouldBe(0);
        (await AllPagesAsync(module.Id, new ReviewFilter(Overall: 5, AcademicYear: 2023))).Single().Text.ShouldBe("Loved the 100% coursework");
        (await AllPagesAsync(module.Id, new ReviewFilter(TagIds: [java.Id], AcademicYear: 2024))).Single().Text.ShouldBe("Loved the exam");
    }
}
