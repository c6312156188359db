using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase.Authentication;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Reviews.Tests.Web;

public sealed class ModeratorJourneyBrowserTests(ReviewsBrowserFixture browser) : IClassFixture<ReviewsBrowserFixture>
{
    [Fact]
    public async Task A_moderator_filters_the_reviews_bulk_hides_two_after_confirming_and_finds_the_decision_among_the_solved_reports()
    {
        var module = browser.App.Catalogue.AddModule(TestCatalogue.UniversityA, "Moderated Journeys");
        var reported = await browser.App.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: 1, text: "Journey review with the exam answers");
        await browser.App.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: 1, text: "Journey review copied from elsewhere");
        await browser.App.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: 5, text: "Journey review that stays");
        await browser.App.AsAsync(TestPrincipals.Student(Guid.NewGuid(), TestCatalogue.UniversityA), async sp =>
        {
            await sp.GetRequiredService<ReportService>().ReportAsync(reported, ReportReason.AssignmentAnswers);
            return true;
        });

        var errors = new List<string>();
        var moderator = new TestUser(Guid.NewGuid(), "mod@aberdyfi.ac.uk", ["Moderator"], TestCatalogue.UniversityA);
        await using var context = await browser.NewContextAsAsync(moderator);
        var page = await context.NewPageAsync();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add($"{page.Url}: {m.Text}");
            }
        };

        await page.GotoAsync("/Admin/Reports");
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasText = "Journey review with the exam answers" })).ToContainTextAsync("Assignment answers");

        await page.GotoAsync("/Admin/Reviews");
        await page.GetByLabel("Search text or author").FillAsync("Journey review");
        await page.GetByLabel("Module", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = module.Id.ToString() });
        await page.Locator("#Rating").SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var rows = page.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First).Not.ToContainTextAsync("that stays");

        await page.Locator("tbody input[type=checkbox]").Nth(0).CheckAsync();
        await page.Locator("tbody input[type=checkbox]").Nth(1).CheckAsync();
        await page.Locator("#Decision").SelectOptionAsync("Hide");
        await page.GetByLabel("Note (required to delete)").FillAsync("Coursework answers and copies");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to selected" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hide these 2 review(s)?" })).ToBeVisibleAsync();
        var violations = await AccessibilityScanner.FindSeriousViolationsAsync(page);
        violations.ShouldBeEmpty(AccessibilityScanner.Describe(violations));
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, I'm sure" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("2 review(s) hidden.");
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasText = "Journey review with the exam answers" })).ToContainTextAsync("Hidden");

        await page.GotoAsync("/Admin/Reports");
        await page.GetByRole(AriaRole.Link, new() { Name = "Solved" }).ClickAsync();
        var decided = page.Locator("tbody tr").Filter(new() { HasText = "Journey review with the exam answers" });
        await Assertions.Expect(decided).ToContainTextAsync("Coursework answers and copies");
        // The test accounts name every user by their id.
        await Assertions.Expect(decided).ToContainTextAsync($"{moderator.Id:N}@example.test");

        await using (var visitor = await browser.NewContextAsync())
        {
            var publicPage = await visitor.NewPageAsync();
            await publicPage.GotoAsync($"{TestCatalogue.PathOf(module)}");
            await Assertions.Expect(publicPage.Locator(".review-text")).ToHaveCountAsync(1);
            await Assertions.Expect(publicPage.Locator(".review-text")).ToHaveTextAsync("Journey review that stays");
        }

        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(page, $"/Admin/Reviews?Module={module.Id}");
        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(page, "/Admin/Reports");
        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(page, "/Admin/Reports?Status=solved");
        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(page, "/Admin/Moderation");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_moderator_chooses_a_decision_confirms_the_hide_and_un_hides_the_review_from_the_queue_page()
    {
        var module = browser.App.Catalogue.AddModule(TestCatalogue.UniversityA, "Queue Journeys");
        var reported = await browser.App.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: 2, text: "Queue journey review with a rant");
        await browser.App.AsAsync(TestPrincipals.Student(Guid.NewGuid(), TestCatalogue.UniversityA), async sp =>
        {
            await sp.GetRequiredService<ReportService>().ReportAsync(reported, ReportReason.BullyingOrHarassment);
            return true;
        });

        var moderator = new TestUser(Guid.NewGuid(), "mod@aberdyfi.ac.uk", ["Moderator"], TestCatalogue.UniversityA);
        await using var context = await browser.NewContextAsAsync(moderator);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Admin/Moderation");
        var item = page.Locator($"#queued-{reported}");
        await Assertions.Expect(item.GetByRole(AriaRole.Link, new() { Name = $"{module.Code} Queue Journeys" })).ToBeVisibleAsync();

        // Saving with no decision chosen keeps the note and says what is missing, next to the choices.
        await item.GetByLabel("Note").FillAsync("Personal attack on the lecturer");
        await item.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        item = page.Locator($"#queued-{reported}");
        await Assertions.Expect(item.GetByRole(AriaRole.Group, new() { Name = "Decision" })).ToContainTextAsync("Choose what to do with this review.");
        await Assertions.Expect(item.GetByLabel("Note")).ToHaveValueAsync("Personal attack on the lecturer");
        var violations = await AccessibilityScanner.FindSeriousViolationsAsync(page);
        violations.ShouldBeEmpty(AccessibilityScanner.Describe(violations));

        await item.GetByLabel("Hide it").CheckAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hide this review?" })).ToBeVisibleAsync();
        violations = await AccessibilityScanner.FindSeriousViolationsAsync(page);
        violations.ShouldBeEmpty(AccessibilityScanner.Describe(violations));
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, hide it" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToHaveTextAsync("The review is hidden.");
        await Assertions.Expect(page.Locator($"#queued-{reported}")).ToHaveCountAsync(0);

        var hidden = page.GetByRole(AriaRole.Region, new() { Name = "Hidden reviews" });
        await hidden.GetByRole(AriaRole.Button, new() { Name = $"Un-hide the review of {module.Code} Queue Journeys" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToHaveTextAsync("The review is shown again.");
        await using (var visitor = await browser.NewContextAsync())
        {
            var publicPage = await visitor.NewPageAsync();
            await publicPage.GotoAsync(TestCatalogue.PathOf(module));
            await Assertions.Expect(publicPage.Locator(".review-text")).ToHaveTextAsync("Queue journey review with a rant");
        }

        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(page, "/Admin/Moderation/Tags");
    }
}
