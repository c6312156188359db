using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using RateMyModule.Framework.Permissions;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Notifications.Tests;

public sealed class NotificationsPagesTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static readonly TestUser Admin = new(Guid.NewGuid(), "admin@example.test", [FrameworkRoles.Admin]);
    private static readonly TestUser Member = new(Guid.NewGuid(), "member@example.test", ["Member"]);

    [Theory]
    [InlineData("en", "Notifications items")]
    [InlineData("cy", "Eitemau Notifications")]
    public async Task The_list_page_answers_in_english_and_welsh(string culture, string heading)
    {
        var response = await app.CreateClient().GetAsync(new Uri($"/Notifications?culture={culture}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.DocumentElement.GetAttribute("lang").ShouldBe(culture);
        page.QuerySelector("h1")!.TextContent.ShouldBe(heading);
    }

    [Fact]
    public async Task The_admin_page_is_forbidden_without_the_permission()
    {
        var member = await app.CreateClientAs(Member).GetAsync(new Uri("/Admin/Notifications", UriKind.Relative));
        member.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var visitor = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync(new Uri("/Admin/Notifications", UriKind.Relative));
        visitor.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_adds_an_item_through_the_form_and_everyone_sees_it()
    {
        var admin = app.CreateClientAs(Admin);
        var added = await PostAddAsync(admin, "Made through the form");

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await Html.ParseAsync(await app.CreateClient().GetAsync(new Uri("/Notifications", UriKind.Relative)));
        list.QuerySelectorAll("main li").Select(li => li.TextContent).ShouldContain("Made through the form");
    }

    [Fact]
    public async Task A_bad_name_is_shown_on_its_field_in_welsh_and_keeps_what_was_typed()
    {
        var admin = app.CreateClientAs(Admin);
        admin.DefaultRequestHeaders.Add("Accept-Language", "cy");

        var response = await PostAddAsync(admin, "z");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("#name-error")!.TextContent.ShouldBe($"Rhaid i'r enw fod rhwng {NotificationsLimits.NameMin} a {NotificationsLimits.NameMax} nod o hyd.");
        page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value").ShouldBe("z");
    }

    /// <summary>Submits the add form as a browser would, with the antiforgery token the page gave.</summary>
    private static async Task<HttpResponseMessage> PostAddAsync(HttpClient client, string name)
    {
        var form = await Html.ParseAsync(await client.GetAsync(new Uri("/Admin/Notifications", UriKind.Relative)));
        var token = form.QuerySelector("form[action*='handler=Add'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await client.PostAsync(
            new Uri("/Admin/Notifications?handler=Add", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = name, ["__RequestVerificationToken"] = token }));
    }
}
