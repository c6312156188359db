using Microsoft.Playwright;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase.Authentication;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Reviews.Tests.Web;

public sealed class ModulePageBrowserTests(ReviewsBrowserFixture browser) : IClassFixture<ReviewsBrowserFixture>
{
    private static TestUser Student() => new(Guid.NewGuid(), "student@aberdyfi.ac.uk", ["Student"], TestCatalogue.UniversityA);

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await AccessibilityScanner.FindSeriousViolationsAsync(page);
        violations.ShouldBeEmpty(AccessibilityScanner.Describe(violations));
    }

    [Fact]
    public async Task A_student_writes_a_review_another_votes_in_place_and_reports_it_and_a_moderator_sees_it_queued()
    {
        var module = browser.App.Catalogue.AddModule(TestCatalogue.UniversityA, "Human Computer Interaction");
        for (var i = 0; i < 3; i++)
        {
            await browser.App.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: 3 + (i % 2), year: 2024);
        }

        var errors = new List<string>();
        await using (var author = await browser.NewContextAsAsync(Student()))
        {
            var page = await author.NewPageAsync();
            page.Console += (_, m) => { if (m.Type == "error") { errors.Add($"{page.Url}: {m.Text}"); } };
            await page.GotoAsync($"{TestCatalogue.PathOf(module)}");
            await AssertAccessibleAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Write a review" }).ClickAsync();
            await AssertAccessibleAsync(page);
            await page.Locator("#Input_Overall-5").CheckAsync();
            await page.Locator("#Input_AcademicYear").SelectOptionAsync("2025");
            await page.Locator("#Input_Text").FillAsync("Clear lectures.\nGreat usability labs.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish review" }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains($"{TestCatalogue.PathOf(module)}") && !url.Contains("/Review"));
            await Assertions.Expect(page.Locator(".review-text").Filter(new() { HasText = "Great usability labs." })).ToBeVisibleAsync();
        }

        await using (var reader = await browser.NewContextAsAsync(Student()))
        {
            var page = await reader.NewPageAsync();
            page.Console += (_, m) => { if (m.Type == "error") { errors.Add($"{page.Url}: {m.Text}"); } };
            await page.GotoAsync($"{TestCatalogue.PathOf(module)}");
            var review = page.Locator("article.review").Filter(new() { HasText = "Great usability labs." });
            var url = page.Url;
            await review.GetByRole(AriaRole.Button, new() { Name = "Helpful (0)", Exact = true }).ClickAsync();
            await Assertions.Expect(review.GetByRole(AriaRole.Button, new() { Name = "Helpful (1)", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
            await Assertions.Expect(review.Locator(".vote-score")).ToHaveTextAsync("Score 1");
            page.Url.ShouldBe(url);
            await AssertAccessibleAsync(page);

            await review.GetByRole(AriaRole.Link, new() { Name = "Report" }).ClickAsync();
            await AssertAccessibleAsync(page);
            await page.GetByLabel("Identifying information").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("moderators will look at this review");
            await Assertions.Expect(page.Locator(".review-text").Filter(new() { HasText = "Great usability labs." })).ToHaveCountAsync(0);
        }

        await using (var moderator = await browser.NewContextAsAsync(new TestUser(Guid.NewGuid(), "mod@aberdyfi.ac.uk", ["Moderator"], TestCatalogue.UniversityA)))
        {
            var page = await moderator.NewPageAsync();
            await page.GotoAsync("/Admin/Moderation");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Great usability labs.");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Identifying information: 1");
            await AssertAccessibleAsync(page);
        }

        errors.ShouldBeEmpty();
    }
}
