using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.Framework.Uow;
using RateMyModule.TestBase;

namespace RateMyModule.Accounts.Tests;

/// <summary>The whole journey over HTTP, with the email the app really sent over SMTP.</summary>
public sealed class RegistrationJourneyTests(AccountsAppFactory factory) : IClassFixture<AccountsAppFactory>
{
    internal const string Password = "Sunny-day-42";

    private FormClient NewClient() => new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    internal static Dictionary<string, string> Registration(string email) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = Password,
        ["Input.ConfirmPassword"] = Password,
    };

    internal static Dictionary<string, string> SignIn(string email, string password = Password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    [Theory]
    [InlineData("/Account/ConfirmEmail")]
    [InlineData("/Account/ConfirmEmailChange")]
    [InlineData("/Account/ExternalLogin")]
    [InlineData("/Account/Manage/ExternalLogins")]
    public void Pages_that_write_when_a_link_is_followed_take_the_write_lock_up_front(string page)
    {
        // A GET that writes after reading can fail under load unless its transaction queues for the lock first.
        var endpoint = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == page);
        endpoint.Metadata.GetMetadata<ExpectWritesAttribute>().ShouldNotBeNull();
    }

    [Fact]
    public async Task A_resent_link_confirms_and_an_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var client = NewClient();
        const string email = "resend@bham.ac.uk";
        await client.SubmitAsync(await client.GetPageAsync("/Account/Register"), Registration(email));
        await FormClient.WaitForEmailAsync(factory.Smtp, email, "Confirm your RateMyModule account");

        var unknown = await Html.ParseAsync(await client.SubmitAsync(await client.GetPageAsync("/Account/ResendConfirmation"), new Dictionary<string, string> { ["Email"] = "ghost@bham.ac.uk" }));
        var known = await Html.ParseAsync(await client.SubmitAsync(await client.GetPageAsync("/Account/ResendConfirmation"), new Dictionary<string, string> { ["Email"] = email }));
        known.QuerySelector("main [role=status]")!.TextContent.ShouldBe(unknown.QuerySelector("main [role=status]")!.TextContent);

        // Jobs run in order, so once the second mail to the known address is in, the unknown one had its turn.
        var resent = await WaitForSecondEmailAsync(email);
        factory.Smtp.ReceivedEmail.ShouldNotContain(m => m.ToAddresses.Any(a => a.Address == "ghost@bham.ac.uk"));
        var confirmed = await client.GetPageAsync(FormClient.LinkIn(resent));
        confirmed.QuerySelector("main [role=status]").ShouldNotBeNull();
        (await client.SubmitAsync(await client.GetPageAsync("/Account/Login"), SignIn(email))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private async Task<MimeKit.MimeMessage> WaitForSecondEmailAsync(string to)
    {
        for (var i = 0; i < 600; i++)
        {
            var mails = factory.Smtp.ReceivedEmail.Where(m => m.ToAddresses.Any(a => a.Address == to)).ToList();
            if (mails.Count >= 2)
            {
                return await MimeKit.MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mails[^1].Data)));
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No second email to {to} arrived.");
    }

    [Fact]
    public async Task Register_confirm_by_email_sign_in_pick_courses_and_sign_out()
    {
        var client = NewClient();
        const string email = "ada@cs.bham.ac.uk";

        var registered = await client.SubmitAsync(await client.GetPageAsync("/Account/Register"), Registration(email));
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        registered.Headers.Location!.OriginalString.ShouldBe("/Account/RegisterConfirmation");

        // Not confirmed yet: sign-in is refused with a way to resend.
        var early = await client.SubmitAsync(await client.GetPageAsync("/Account/Login"), SignIn(email));
        early.StatusCode.ShouldBe(HttpStatusCode.OK);
        var earlyPage = await RateMyModule.TestBase.Html.ParseAsync(early);
        earlyPage.QuerySelector("main a[href^='/Account/ResendConfirmation']").ShouldNotBeNull();

        var mail = await FormClient.WaitForEmailAsync(factory.Smtp, email, "Confirm your RateMyModule account");
        var confirmed = await client.GetPageAsync(FormClient.LinkIn(mail));
        confirmed.QuerySelector("main [role=status]").ShouldNotBeNull();

        var signedIn = await client.SubmitAsync(await client.GetPageAsync("/Account/Login?returnUrl=%2F"), SignIn(email));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/");
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rmm.auth=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);

        // A student without a course is sent to pick one first.
        var home = await client.Http.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.ShouldStartWith("/Account/Manage/Courses");

        var coursesPage = await client.GetPageAsync(home.Headers.Location.OriginalString);
        coursesPage.QuerySelectorAll("main input[name=CourseIds]").Length.ShouldBe(3, "only the three Birmingham courses are offered");
        var picked = await client.SubmitAsync(coursesPage, new Dictionary<string, string> { ["CourseIds"] = TestCatalogue.ComputerScience.Id.ToString() });
        picked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        picked.Headers.Location!.OriginalString.ShouldBe("/");
        (await client.Http.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var header = await client.GetPageAsync("/");
        header.QuerySelector("header")!.TextContent.ShouldContain(email);
        var signedOut = await client.SubmitAsync(await client.GetPageAsync("/Account/Logout"), new Dictionary<string, string>());
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.Http.GetAsync("/Account/Manage")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Registering_an_existing_address_says_check_your_inbox_and_warns_the_owner()
    {
        const string email = "grace@bham.ac.uk";
        var first = NewClient();
        await first.SubmitAsync(await first.GetPageAsync("/Account/Register"), Registration(email));
        await FormClient.WaitForEmailAsync(factory.Smtp, email, "Confirm your RateMyModule account");

        var stranger = NewClient();
        var again = await stranger.SubmitAsync(await stranger.GetPageAsync("/Account/Register"), Registration(email));
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location!.OriginalString.ShouldBe("/Account/RegisterConfirmation");
        await FormClient.WaitForEmailAsync(factory.Smtp, email, "Someone tried to register");
    }

    [Theory]
    [InlineData("someone@gmail.com", "Free and disposable")]
    [InlineData("someone@mailinator.com", "Free and disposable")]
    [InlineData("someone@example.com", "Example and test")]
    [InlineData("someone@uni.test", "Example and test")]
    [InlineData("someone@ox.ac.uk", "does not belong to a university")]
    public async Task Refused_addresses_get_a_message_on_the_email_field(string email, string message)
    {
        var client = NewClient();
        var response = await client.SubmitAsync(await client.GetPageAsync("/Account/Register"), Registration(email));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await RateMyModule.TestBase.Html.ParseAsync(response);
        page.QuerySelector("#email-error")!.TextContent.ShouldContain(message);
    }

    [Fact]
    public async Task A_look_alike_or_sub_domain_spelling_of_an_address_gets_the_new_address_answer_and_makes_no_account()
    {
        var client = NewClient();
        await client.SubmitAsync(await client.GetPageAsync("/Account/Register"), Registration("alan@bham.ac.uk"));
        var fresh = await client.SubmitAsync(await client.GetPageAsync("/Account/Register"), Registration("brand-new@bham.ac.uk"));
        fresh.Headers.Location!.OriginalString.ShouldBe("/Account/RegisterConfirmation");

        // Case, a Cyrillic "а", and the same student at a sub-domain of the same university (issue 14, item 5).
        foreach (var lookAlike in new[] { "Alan@bham.ac.uk", "\u0430lan@bham.ac.uk", "alan@cs.bham.ac.uk" })
        {
            var response = await client.SubmitAsync(await client.GetPageAsync("/Account/Register"), Registration(lookAlike));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, customMessage: lookAlike);
            response.Headers.Location!.OriginalString.ShouldBe("/Account/RegisterConfirmation", customMessage: lookAlike);
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.AccountsDbContext>();
            (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users, u => u.Email == lookAlike)).ShouldBe(0, customMessage: lookAlike);
        }

        // The owner of the real address hears of each attempt; the look-alike addresses get nothing.
        for (var i = 0; i < 300 && factory.Smtp.ReceivedEmail.Count(m => m.ToAddresses.Any(a => a.Address == "alan@bham.ac.uk") && m.Subject.Contains("tried to register")) < 3; i++)
        {
            await Task.Delay(100);
        }

        factory.Smtp.ReceivedEmail.Count(m => m.ToAddresses.Any(a => a.Address == "alan@bham.ac.uk") && m.Subject.Contains("tried to register")).ShouldBe(3);
        factory.Smtp.ReceivedEmail.ShouldNotContain(m => m.ToAddresses.Any(a => a.Address == "alan@cs.bham.ac.uk"));
    }

    [Fact]
    public async Task A_weak_password_is_refused_the_same_way_for_an_address_with_an_account_and_one_without()
    {
        var client = NewClient();
        await client.SubmitAsync(await client.GetPageAsync("/Account/Register"), Registration("weak-owner@bham.ac.uk"));
        foreach (var email in new[] { "weak-owner@bham.ac.uk", "weak-stranger@bham.ac.uk" })
        {
            var response = await client.SubmitAsync(await client.GetPageAsync("/Account/Register"), new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "Password123!",
                ["Input.ConfirmPassword"] = "Password123!",
            });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, customMessage: email);
            (await Html.ParseAsync(response)).QuerySelector("#password-error")!.TextContent.ShouldContain("most commonly used", customMessage: email);
        }
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_known_and_unknown_addresses_and_the_link_resets_it()
    {
        var client = NewClient();
        var known = await client.SubmitAsync(await client.GetPageAsync("/Account/ForgotPassword"), new Dictionary<string, string> { ["Email"] = "root@admin.ratemymodule.app" });
        var unknown = await client.SubmitAsync(await client.GetPageAsync("/Account/ForgotPassword"), new Dictionary<string, string> { ["Email"] = "nobody@bham.ac.uk" });
        var knownText = (await RateMyModule.TestBase.Html.ParseAsync(known)).QuerySelector("main")!.TextContent;
        var unknownText = (await RateMyModule.TestBase.Html.ParseAsync(unknown)).QuerySelector("main")!.TextContent;
        knownText.ShouldBe(unknownText);

        var mail = await FormClient.WaitForEmailAsync(factory.Smtp, "root@admin.ratemymodule.app", "Reset your RateMyModule password");
        var reset = await client.GetPageAsync(FormClient.LinkIn(mail));
        var done = await client.SubmitAsync(reset, new Dictionary<string, string> { ["Email"] = "root@admin.ratemymodule.app", ["Password"] = "New-keeper-pass-1" });
        (await RateMyModule.TestBase.Html.ParseAsync(done)).QuerySelector("main [role=status]").ShouldNotBeNull();

        var signedIn = await client.SubmitAsync(await client.GetPageAsync("/Account/Login"), SignIn("root@admin.ratemymodule.app", "New-keeper-pass-1"));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Sign_in_never_redirects_off_site()
    {
        var client = NewClient();
        var page = await client.GetPageAsync("/Account/Login?returnUrl=https%3A%2F%2Fevil.example%2F");
        var response = await client.SubmitAsync(page, SignIn("root@admin.ratemymodule.app", "Keeper-pass-2026"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task Sign_in_goes_back_to_a_return_url_with_non_ascii_characters_escaped()
    {
        // Issue 12, item 8: "/café" and a U+2028 line separator made the redirect header a 500.
        var client = NewClient();
        var page = await client.GetPageAsync("/Account/Login?returnUrl=%2Fcaf%C3%A9%E2%80%A8x");
        var response = await client.SubmitAsync(page, SignIn("root@admin.ratemymodule.app", "Keeper-pass-2026"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/caf%C3%A9%E2%80%A8x");
    }

    [Fact]
    public async Task Sign_out_needs_a_post_with_an_antiforgery_token()
    {
        var client = NewClient();
        (await client.Http.PostAsync("/Account/Logout", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await client.GetPageAsync("/Account/Logout");
        page.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var client = NewClient();
        const string email = "locked@bham.ac.uk";
        await client.SubmitAsync(await client.GetPageAsync("/Account/Register"), Registration(email));
        var mail = await FormClient.WaitForEmailAsync(factory.Smtp, email, "Confirm your RateMyModule account");
        await client.GetPageAsync(FormClient.LinkIn(mail));

        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync(await client.GetPageAsync("/Account/Login"), SignIn(email, "Wrong-password-1"));
        }

        var right = await client.SubmitAsync(await client.GetPageAsync("/Account/Login"), SignIn(email));
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.Headers.Location!.OriginalString.ShouldBe("/Account/Lockout");
    }

    [Fact]
    public async Task Pages_speak_welsh()
    {
        var client = NewClient();
        var page = await client.GetPageAsync("/Account/Register?culture=cy");
        page.QuerySelector("main h1")!.TextContent.ShouldBe("Cofrestru");
        page.QuerySelector("main label[for=Input_Email]")!.TextContent.ShouldBe("Cyfeiriad e-bost");
    }
}
