using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Notifications.Tests;

public sealed class NotificationsWebTests(NotificationsAppFactory app) : IClassFixture<NotificationsAppFactory>
{
    private static TestUser Member(Guid id) => new(id, $"{id:N}@example.test", ["Member"]);

    [Fact]
    public async Task The_follow_api_puts_and_deletes_idempotently_and_refuses_visitors_and_unknown_modules()
    {
        var module = app.Catalogue.AddModule("Api Studies");
        var user = Guid.NewGuid();
        var client = app.CreateClientAs(Member(user));
        var url = new Uri($"/api/v1/modules/{module.Id}/follow", UriKind.Relative);

        (await client.PutAsync(url, null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PutAsync(url, null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var settings = await Html.ParseAsync(await client.GetAsync(new Uri("/Account/Manage/Notifications", UriKind.Relative)));
        settings.QuerySelectorAll("tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain("Api Studies");

        (await client.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        settings = await Html.ParseAsync(await client.GetAsync(new Uri("/Account/Manage/Notifications", UriKind.Relative)));
        settings.QuerySelectorAll("tbody tr").ShouldBeEmpty();

        (await client.PutAsync(new Uri($"/api/v1/modules/{Guid.NewGuid()}/follow", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var archived = app.Catalogue.AddModule("Archived Api Studies", archived: true);
        (await client.PutAsync(new Uri($"/api/v1/modules/{archived.Id}/follow", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await visitor.PutAsync(url, null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_follower_gets_a_real_mail_whose_one_click_unsubscribe_post_works_without_a_cookie_or_form_token()
    {
        var module = app.Catalogue.AddModule("Mailed Module");
        var user = app.Recipients.Add("smtp-follower@example.test", "cy");
        var client = app.CreateClientAs(Member(user));
        (await client.PutAsync(new Uri($"/api/v1/modules/{module.Id}/follow", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await app.PublishReviewAsync(module.Id, Guid.NewGuid());
        var mail = await app.WaitForEmailAsync("smtp-follower@example.test");

        mail.Subject.ShouldBe("Adolygiadau newydd o fodiwlau rydych chi'n eu dilyn (1)");
        mail.TextBody!.ShouldContain($"https://ratemymodule.test/Modules/{module.Id}");
        mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        var link = new Uri(mail.Headers["List-Unsubscribe"]!.Trim().Trim('<', '>'));
        link.Host.ShouldBe("ratemymodule.test");

        // What a mail client does (RFC 8058): POST the link with this body, no cookie, no antiforgery token.
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var unsubscribed = await anonymous.PostAsync(
            new Uri(link.PathAndQuery, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        unsubscribed.StatusCode.ShouldBe(HttpStatusCode.OK);

        var settings = await Html.ParseAsync(await client.GetAsync(new Uri("/Account/Manage/Notifications", UriKind.Relative)));
        settings.QuerySelector($"select[name=delivery] option[selected]")!.GetAttribute("value").ShouldBe("Off");
    }

    [Fact]
    public async Task An_unsubscribe_link_asks_before_acting_and_a_bad_token_is_a_clear_400()
    {
        var anonymous = app.CreateClient();
        var bad = await anonymous.GetAsync(new Uri("/Notifications/Unsubscribe?token=forged", UriKind.Relative));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(bad)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("not valid or has expired");
        (await anonymous.PostAsync(new Uri("/Notifications/Unsubscribe?token=forged", UriKind.Relative), new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("en", "Notifications (1 unread)")]
    [InlineData("cy", "Hysbysiadau (1 heb eu darllen)")]
    public async Task The_header_shows_the_unread_count_in_each_language_and_reading_the_list_can_clear_it(string culture, string label)
    {
        var module = app.Catalogue.AddModule($"Header Module {culture}");
        var user = Guid.NewGuid();
        var client = app.CreateClientAs(Member(user));
        (await client.PutAsync(new Uri($"/api/v1/modules/{module.Id}/follow", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await app.PublishReviewAsync(module.Id, Guid.NewGuid());

        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/Notifications?culture={culture}", UriKind.Relative)));
        page.QuerySelectorAll("header a[href='/Notifications']").ShouldHaveSingleItem().TextContent.Trim().ShouldBe(label);
        page.QuerySelector(".notification-list")!.TextContent.ShouldContain($"Header Module {culture}");

        var token = page.QuerySelector("form[action*='handler=MarkRead'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        (await client.PostAsync(new Uri("/Notifications?handler=MarkRead", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await Html.ParseAsync(await client.GetAsync(new Uri($"/Notifications?culture={culture}", UriKind.Relative)));
        page.QuerySelector("header a[href='/Notifications']")!.TextContent.Trim().ShouldNotContain("1");
    }
}
