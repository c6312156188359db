using Microsoft.Playwright;
using static RateMyModule.Browser.Tests.Infrastructure.SiteActions;

namespace RateMyModule.Browser.Tests.Infrastructure;

/// <summary>
/// Every page a role visits, in English and in Welsh: no serious axe violation, and at 1280, 1024, 768 and 390 px
/// nothing scrolls sideways, no header control is off-screen and every control is a 24 px touch target.
/// With <c>WALK_SCREENSHOTS_DIR</c> set, every page is also photographed at every width in both languages, for a
/// person to look through the walk afterwards.
/// </summary>
public static class LayoutWalk
{
    private static IReadOnlyList<string> PagesOf(string role, DemoData demo) => role switch
    {
        "Visitor" =>
        [
            "/", "/Universities", $"/Universities/{demo.UniversityId}", $"/Modules/{demo.MostReviewedModuleId}",
            "/Catalogue/Search?q=a", "/api", "/Account/Login", "/Account/Register",
        ],
        "Student" =>
        [
            "/", $"/Modules/{demo.StudentsModuleId}", $"/Modules/{demo.StudentsModuleId}/Review", "/Account/Manage/Reviews",
            "/Account/Manage/Courses", "/Account/Manage", "/Account/Manage/Notifications", "/Notifications",
        ],
        "Moderator" =>
        [
            "/", $"/Modules/{demo.MostReviewedModuleId}", "/Admin", "/Admin/Moderation", "/Admin/Reviews", "/Admin/Reports",
            "/Account/Manage/Reviews",
        ],
        "UniversityAdmin" => ["/", "/Admin", "/Admin/Catalogue/Modules", "/Admin/Catalogue/Courses", "/Admin/Users", "/Admin/Moderation/Tags"],
        _ =>
        [
            "/", "/Admin", "/Admin/Users", "/Admin/Roles", "/Admin/Catalogue/Modules", "/Admin/Catalogue/Universities",
            "/Admin/Moderation/Tags", "/Admin/Reviews", "/Admin/AuditLog", "/Admin/Jobs", "/api", $"/Modules/{demo.MostReviewedModuleId}",
        ],
    };

    private static string? EmailOf(string role, DemoData demo) => role switch
    {
        "Student" => demo.StudentEmail,
        "Moderator" => demo.ModeratorEmail,
        "UniversityAdmin" => demo.UniversityAdminEmail,
        "Admin" => demo.AdminEmail,
        _ => null,
    };

    public static async Task WalkAsync(DemoSiteFixture site, string role)
    {
        var demo = await DemoData.LoadAsync(site.App);
        var walkFolder = Environment.GetEnvironmentVariable("WALK_SCREENSHOTS_DIR");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        if (EmailOf(role, demo) is { } email)
        {
            await SignInAsync(page, email);
        }

        foreach (var path in PagesOf(role, demo))
        {
            foreach (var culture in Cultures)
            {
                await page.SetViewportSizeAsync(1280, 900);
                var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                var response = await page.GotoAsync($"{path}{separator}culture={culture}");
                response!.Status.ShouldBe(200, $"{role} {path} in {culture}");
                await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
                await AssertAccessibleAsync(page);
                foreach (var width in Widths)
                {
                    await page.SetViewportSizeAsync(width, 900);
                    await AssertFitsAsync(page, $"{role} {path} in {culture}");
                    if (!string.IsNullOrEmpty(walkFolder))
                    {
                        var name = $"{role}{path.Split('?')[0].Replace('/', '-')}-{culture}-{width}.png".ToLowerInvariant();
                        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory.CreateDirectory(walkFolder).FullName, name), FullPage = true });
                    }
                }
            }
        }
    }
}
