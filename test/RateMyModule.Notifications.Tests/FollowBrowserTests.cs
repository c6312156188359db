using Microsoft.Playwright;
using RateMyModule.TestBase.Authentication;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Notifications.Tests;

public sealed class FollowBrowserTests(NotificationsBrowserFixture browser) : IClassFixture<NotificationsBrowserFixture>
{
    [Fact]
    public async Task A_student_follows_a_module_from_its_page_and_sees_the_new_review_in_the_header_and_the_list()
    {
        var module = browser.App.Catalogue.AddModule("Followed In A Browser");
        var user = new TestUser(Guid.NewGuid(), "browser-follower@example.test", ["Member"]);
        await using var context = await browser.NewContextAsAsync(user);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/Modules/{module.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Follow this module" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You follow this module now.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Following – stop following" })).ToBeVisibleAsync();
        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(page, $"/Modules/{module.Id}");

        await browser.App.PublishReviewAsync(module.Id, Guid.NewGuid());
        await page.GotoAsync("/?culture=en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Notifications (1 unread)" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notification-list")).ToContainTextAsync("Followed In A Browser");
        await Assertions.Expect(page.Locator(".notification-list")).ToContainTextAsync("a new review, rated 4 out of 5.");
        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(page, "/Notifications");
        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(page, "/Account/Manage/Notifications");

        await page.GotoAsync("/Notifications?culture=en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Notifications", Exact = true })).ToBeVisibleAsync();
    }
}
