using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Accounts.Tests;

/// <summary>
/// Accounts in a real browser, driven as a person would (by labels and roles): the register → email → confirm →
/// sign in → pick courses → sign out journey with the email the app really sent, and no serious axe violation on
/// the pages a signed-in student or admin sees, in English and in Welsh.
/// </summary>
public sealed partial class AccountJourneyBrowserTests(BrowserAppFixture<AccountsAppFactory> browser) : IClassFixture<BrowserAppFixture<AccountsAppFactory>>
{
    private const string Password = "Sunny-day-42";
    private const string AdminEmail = "root@admin.ratemymodule.app";
    private const string AdminPassword = "Keeper-pass-2026";

    [Fact]
    public async Task A_student_registers_confirms_by_email_signs_in_picks_a_course_and_signs_out()
    {
        const string email = "ada.browser@cs.bham.ac.uk";
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Register");
        await AssertAccessibleAsync(page);
        var main = page.GetByRole(AriaRole.Main);
        await main.GetByLabel("Email address").FillAsync(email);
        await main.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await main.GetByLabel("Confirm password").FillAsync(Password);
        await main.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/Account/RegisterConfirmation").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your inbox");
        await AssertAccessibleAsync(page);

        var mail = await FormClient.WaitForEmailAsync(browser.App.Smtp, email, "Confirm your RateMyModule account");
        await page.GotoAsync(FormClient.LinkIn(mail));
        await Assertions.Expect(main.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you: your email address is confirmed. You can now sign in.");
        await AssertAccessibleAsync(page);

        await main.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        await AssertAccessibleAsync(page);
        await SignInAsync(page, email, Password);

        // A student without a course is sent to pick one before the home page, which is where they go after.
        await Assertions.Expect(page).ToHaveURLAsync(CoursesPageReturningHome());
        await AssertAccessibleAsync(page);
        var courses = main.GetByRole(AriaRole.Group, new() { Name = "Choose the courses you are on (at least one)" });
        await Assertions.Expect(courses.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(3);

        await main.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(courses).ToHaveAccessibleDescriptionAsync("Choose at least one course.");
        await Assertions.Expect(courses.Locator("#courses-error")).ToHaveTextAsync("Choose at least one course.");
        await Assertions.Expect(courses.GetByRole(AriaRole.Checkbox, new() { Checked = true })).ToHaveCountAsync(0);
        await Assertions.Expect(courses.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(3);
        await AssertAccessibleAsync(page);

        await courses.GetByLabel("Computer Science").CheckAsync();
        await main.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // The refused save kept where the student was going: the home page, no longer sent back to pick courses.
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/").ToString());
        var header = page.GetByRole(AriaRole.Banner);
        await Assertions.Expect(header.GetByRole(AriaRole.Button, new() { Name = email })).ToBeVisibleAsync();

        // The account menu is a dropdown: open it, then sign out from it.
        await header.GetByRole(AriaRole.Button, new() { Name = email }).ClickAsync();
        await header.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(header.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Assertions.Expect(header.GetByRole(AriaRole.Button, new() { Name = email })).ToHaveCountAsync(0);

        await page.GotoAsync("/Account/Manage/Courses");
        await Assertions.Expect(page).ToHaveURLAsync(LoginPageReturningToCourses());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
    }

    [Fact]
    public async Task Register_page_with_refused_input_has_no_serious_accessibility_violation_in_english_and_welsh()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        foreach (var culture in Cultures)
        {
            await page.GotoAsync($"/Account/Register?culture={culture}");
            await AssertAccessibleAsync(page, culture);

            // The refusal shows on the field and is read out with it; the page stays accessible while it does.
            await page.Locator("#Input_Email").FillAsync("someone@gmail.com");
            await page.Locator("#Input_Password").FillAsync(Password);
            await page.Locator("#Input_ConfirmPassword").FillAsync(Password);
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button).ClickAsync();
            await Assertions.Expect(page.Locator("#email-error")).Not.ToBeEmptyAsync();
            await Assertions.Expect(page.Locator("#Input_Email")).ToHaveValueAsync("someone@gmail.com");
            await AssertAccessibleAsync(page, culture);
        }
    }

    [Theory]
    [InlineData("/Account/Manage/Index")]
    [InlineData("/Account/Manage/Email")]
    [InlineData("/Account/Manage/Courses")]
    [InlineData("/Account/Manage/PersonalData")]
    [InlineData("/Account/Manage/Delete")]
    public async Task Manage_page_has_no_serious_accessibility_violation_in_english_and_welsh(string path)
    {
        var email = $"manage.{Guid.NewGuid():N}@bham.ac.uk";
        await browser.App.CreateUserAsync(email, Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await SignInAsync(page, email, Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = email })).ToBeVisibleAsync();

        foreach (var culture in Cultures)
        {
            var response = await page.GotoAsync($"{path}?culture={culture}");
            response!.Status.ShouldBe(200);
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(new Uri(browser.BaseAddress, path).ToString())));
            await AssertAccessibleAsync(page, culture);
        }
    }

    [Fact]
    public async Task Admin_user_list_and_user_page_have_no_serious_accessibility_violation_in_english_and_welsh()
    {
        var studentEmail = $"listed.{Guid.NewGuid():N}@bham.ac.uk";
        var studentId = await browser.App.CreateUserAsync(studentEmail, Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Mathematics.Id);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await SignInAsync(page, AdminEmail, AdminPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = AdminEmail })).ToBeVisibleAsync();

        foreach (var culture in Cultures)
        {
            (await page.GotoAsync($"/Admin/Users?search={Uri.EscapeDataString(studentEmail)}&culture={culture}"))!.Status.ShouldBe(200);
            await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = studentEmail })).ToBeVisibleAsync();
            await AssertAccessibleAsync(page, culture);

            (await page.GotoAsync($"/Admin/Users/{studentId}?culture={culture}"))!.Status.ShouldBe(200);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(studentEmail);
            await AssertAccessibleAsync(page, culture);
        }
    }

    private static readonly string[] Cultures = ["en", "cy"];

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        var main = page.GetByRole(AriaRole.Main);
        await main.GetByLabel("Email address").FillAsync(email);
        await main.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await main.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page, string culture = "en")
    {
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        var violations = await AccessibilityScanner.FindSeriousViolationsAsync(page);
        violations.ShouldBeEmpty($"{page.Url}{Environment.NewLine}{AccessibilityScanner.Describe(violations)}");
    }

    [GeneratedRegex(@"/Account/Manage/Courses\?returnUrl=%2F$", RegexOptions.IgnoreCase)]
    private static partial Regex CoursesPageReturningHome();

    [GeneratedRegex(@"/Account/Login\?ReturnUrl=%2FAccount%2FManage%2FCourses$", RegexOptions.IgnoreCase)]
    private static partial Regex LoginPageReturningToCourses();
}
