using Microsoft.Playwright;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Courses.Tests;

public sealed class CatalogueBrowserTests(CoursesBrowserFixture browser) : IClassFixture<CoursesBrowserFixture>
{
    [Fact]
    public async Task An_admin_creates_a_course_and_a_module_in_the_browser_and_the_pages_have_no_serious_axe_violation()
    {
        var university = await browser.App.UniversityAsync("University of Browsers", "browsers.ac.uk");
        await using var context = await browser.NewContextAsAsync(CoursesWebAppFactory.Admin);
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        await page.GotoAsync($"/Admin/Catalogue/Courses/Edit?university={university}");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Name").FillAsync("Web Browsing");
        await page.GetByLabel("Student type").FillAsync("a web surfer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Web Browsing");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The course was created.");
        await AssertAccessibleAsync(page);

        await page.GotoAsync($"/Admin/Catalogue/Modules/Edit?university={university}");
        await page.GetByLabel("Name").FillAsync("Browser Internals");
        await page.GetByLabel("Code").FillAsync("WB-101");
        await page.GetByLabel("Started on").FillAsync("2022-09-19");
        await page.GetByLabel("Web Browsing").CheckAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Browser Internals");

        await page.GotoAsync($"/Admin/Catalogue/Modules?university={university}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Browser Internals" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GotoAsync($"/Universities/{university}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Browser Internals" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        consoleErrors.ShouldBeEmpty();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await AccessibilityScanner.FindSeriousViolationsAsync(page);
        violations.ShouldBeEmpty(AccessibilityScanner.Describe(violations));
    }
}
