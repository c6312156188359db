using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using RateMyModule.Framework.Permissions;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Sample.Tests;

public sealed class SamplePagesTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static readonly TestUser Admin = new(Guid.NewGuid(), "admin@example.test", [FrameworkRoles.Admin]);
    private static readonly TestUser Member = new(Guid.NewGuid(), "member@example.test", ["Member"]);

    [Theory]
    [InlineData("en", "Sample items")]
    [InlineData("cy", "Eitemau Sample")]
    public async Task The_list_page_answers_in_english_and_welsh(string culture, string heading)
    {
        var response = await app.CreateClient().GetAsync(new Uri($"/Sample?culture={culture}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.DocumentElement.GetAttribute("lang").ShouldBe(culture);
        page.QuerySelector("h1")!.TextContent.ShouldBe(heading);
    }

    [Fact]
    public async Task The_admin_page_is_denied_without_the_permission_and_asks_a_visitor_to_sign_in()
    {
        // The Accounts cookie answers: a signed-in user without the permission gets the access-denied page.
        var member = await app.CreateClientAs(Member).GetAsync(new Uri("/Admin/Sample", UriKind.Relative));
        member.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (member.StatusCode == HttpStatusCode.Redirect)
        {
            member.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
        }

        var visitor = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync(new Uri("/Admin/Sample", UriKind.Relative));
        visitor.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        visitor.Headers.Location!.OriginalString.ShouldContain("/Account/Login");

        var admin = await app.CreateClientAs(Admin).GetAsync(new Uri("/Admin/Sample", UriKind.Relative));
        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_adds_an_item_through_the_form_and_everyone_sees_it()
    {
        var admin = app.CreateClientAs(Admin);
        var added = await PostAddAsync(admin, "Made through the form");

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await Html.ParseAsync(await app.CreateClient().GetAsync(new Uri("/Sample", UriKind.Relative)));
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
        page.QuerySelector("#name-error")!.TextContent.ShouldBe($"Rhaid i'r enw fod rhwng {SampleLimits.NameMin} a {SampleLimits.NameMax} nod o hyd.");
        page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value").ShouldBe("z");
    }

    /// <summary>Submits the add form as a browser would, with the antiforgery token the page gave.</summary>
    private static async Task<HttpResponseMessage> PostAddAsync(HttpClient client, string name)
    {
        var form = await Html.ParseAsync(await client.GetAsync(new Uri("/Admin/Sample", UriKind.Relative)));
        var token = form.QuerySelector("form[action*='handler=Add'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await client.PostAsync(
            new Uri("/Admin/Sample?handler=Add", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = name, ["__RequestVerificationToken"] = token }));
    }
}
