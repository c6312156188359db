using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RateMyModule.Browser.Tests.Infrastructure;
using static RateMyModule.Browser.Tests.Infrastructure.SiteActions;

namespace RateMyModule.Browser.Tests;

/// <summary>A new student, from sign-up to their first review and "My reviews", checked for accessibility at each step.</summary>
public sealed partial class StudentJourneyBrowserTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>
{
    private const string Password = "Walnut-harbour-2026";

    [Fact]
    public async Task A_new_student_signs_up_picks_courses_writes_a_first_review_and_finds_it_in_my_reviews()
    {
        var demo = await DemoData.LoadAsync(site.App);
        var email = $"newcomer.{Guid.NewGuid():N}"[..20] + "@" + demo.Domain;
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var main = page.GetByRole(AriaRole.Main);
        var header = page.GetByRole(AriaRole.Banner);

        await page.GotoAsync("/Account/Register");
        await main.GetByLabel("Email address").FillAsync(email);
        await main.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await main.GetByLabel("Confirm password").FillAsync(Password);
        await main.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your inbox");

        await page.GotoAsync(LinkIn(await site.App.WaitForEmailAsync(email, "Confirm your RateMyModule account")));
        await main.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await main.GetByLabel("Email address").FillAsync(email);
        await main.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await main.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // First run: pick courses, then on to where the student was going, told that the courses are saved.
        var courses = main.GetByRole(AriaRole.Group, new() { Name = "Choose the courses you are on (at least one)" });
        await courses.GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await AssertAccessibleAsync(page);
        await main.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your courses have been saved.");

        // "My reviews" from the account menu, by keyboard.
        var account = header.GetByRole(AriaRole.Button, new() { Name = email });
        await account.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("ArrowDown");
        var myReviews = header.GetByRole(AriaRole.Link, new() { Name = "My reviews" });
        await Assertions.Expect(myReviews).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My reviews");
        await Assertions.Expect(main.GetByText("You have not written a review yet.")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // The first module left to review, reviewed.
        var toReview = main.Locator("ul.to-review li").First;
        var moduleName = (await toReview.Locator("a").First.TextContentAsync())!;
        await toReview.GetByRole(AriaRole.Link, new() { Name = $"Write a review: {moduleName}" }).ClickAsync();
        await Assertions.Expect(main.GetByText("1 = very easy, 5 = very hard")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await main.GetByRole(AriaRole.Group, new() { Name = "Overall" }).GetByLabel("4", new() { Exact = true }).CheckAsync();
        await main.GetByLabel("Academic year you started the module").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await main.GetByLabel("Your review (optional)").FillAsync("Clear lectures and fair coursework.");
        await main.GetByRole(AriaRole.Button, new() { Name = "Publish review" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(moduleName);
        await Assertions.Expect(main.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your review is published. Thank you!");
        await Assertions.Expect(main.GetByText("Clear lectures and fair coursework.")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/Account/Manage/Reviews");
        var mine = main.Locator("ol.my-reviews > li");
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Assertions.Expect(mine.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync(moduleName);
        await Assertions.Expect(mine.Locator("[data-state]")).ToContainTextAsync("Published");
        await Assertions.Expect(main.Locator("ul.to-review").GetByRole(AriaRole.Link, new() { Name = moduleName, Exact = true })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/Account/Manage/Reviews?culture=cy");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fy adolygiadau");
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/Account/Manage/Reviews?culture=en");

        // Deleting asks first, then confirms.
        await mine.Locator("summary").ClickAsync();
        await mine.GetByRole(AriaRole.Button, new() { Name = "Delete your review" }).ClickAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Status).First).ToHaveTextAsync($"Your review of {moduleName} is deleted.");
        await Assertions.Expect(main.Locator("ol.my-reviews > li")).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(MyReviewsUrl());
    }

    [GeneratedRegex("/Account/Manage/Reviews$")]
    private static partial Regex MyReviewsUrl();
}
