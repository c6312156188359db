using Microsoft.Playwright;
using RateMyModule.Browser.Tests.Infrastructure;
using static RateMyModule.Browser.Tests.Infrastructure.SiteActions;

namespace RateMyModule.Browser.Tests;

/// <summary>The layout walk (<see cref="LayoutWalk"/>) for visitors, students and moderators.</summary>
public sealed class LayoutBrowserTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>
{
    public static TheoryData<string> Roles => ["Visitor", "Student", "Moderator"];

    [Theory]
    [MemberData(nameof(Roles))]
    public Task Every_page_of_the_role_fits_every_width_and_is_accessible_in_english_and_welsh(string role) => LayoutWalk.WalkAsync(site, role);

    [Fact]
    public async Task The_admins_account_menu_and_sign_out_are_reachable_by_keyboard_at_every_width()
    {
        var demo = await DemoData.LoadAsync(site.App);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, demo.AdminEmail);
        var header = page.GetByRole(AriaRole.Banner);

        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync("/Admin?culture=cy");
            var toggler = header.Locator(".navbar-toggler");
            if (await toggler.IsVisibleAsync())
            {
                await toggler.FocusAsync();
                await page.Keyboard.PressAsync("Enter");
            }

            var account = header.GetByRole(AriaRole.Button, new() { Name = demo.AdminEmail });
            await account.FocusAsync();

            // A visible focus ring on the dark header.
            (await account.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle")).ShouldBe("solid");
            (await account.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).outlineWidth)")).ShouldBeGreaterThanOrEqualTo(2);

            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(account).ToHaveAttributeAsync("aria-expanded", "true");
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(header.GetByRole(AriaRole.Link, new() { Name = "Fy adolygiadau" })).ToBeFocusedAsync();

            var signOut = header.GetByRole(AriaRole.Button, new() { Name = "Allgofnodi" });
            await Assertions.Expect(signOut).ToBeVisibleAsync();
            await signOut.ScrollIntoViewIfNeededAsync();
            var box = (await signOut.BoundingBoxAsync())!;
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(width, $"Sign out ends off-screen at {width} px");
            box.Height.ShouldBeGreaterThanOrEqualTo(24);

            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(account).ToHaveAttributeAsync("aria-expanded", "false");
        }
    }
}

/// <summary>
/// The layout walk for the staff who run the site, in a class of its own so that it runs beside the walk of the
/// other roles (their admin pages are half of the pages walked).
/// </summary>
public sealed class StaffLayoutBrowserTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>
{
    public static TheoryData<string> Roles => ["UniversityAdmin", "Admin"];

    [Theory]
    [MemberData(nameof(Roles))]
    public Task Every_page_of_the_role_fits_every_width_and_is_accessible_in_english_and_welsh(string role) => LayoutWalk.WalkAsync(site, role);
}
