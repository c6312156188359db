using System.Net;
using System.Text;
using System.Text.Json;
using RateMyModule.Framework.Permissions;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Web.Tests;

/// <summary>Error answers a client cannot steer (issue 12, item 6), and API errors as RFC 9457 problem details (item 10).</summary>
public sealed class ErrorResponseTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly TestUser Admin = new(Guid.NewGuid(), "errors@admin.ratemymodule.app", [FrameworkRoles.Admin]);

    [Fact]
    public async Task A_status_code_in_the_form_or_query_does_not_choose_the_error_status()
    {
        var client = factory.CreateClient();
        var posted = await client.PostAsync(new Uri("/nonexistent", UriKind.Relative), new FormUrlEncodedContent([new("statusCode", "503")]));
        posted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var queried = await client.GetAsync(new Uri("/nonexistent?statusCode=503", UriKind.Relative));
        queried.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_problem_document()
        => await ShouldBeProblemAsync(await factory.CreateClient().GetAsync(new Uri("/api/v1/no-such-resource", UriKind.Relative)), HttpStatusCode.NotFound);

    [Fact]
    public async Task An_api_call_without_sign_in_is_a_problem_document()
        => await ShouldBeProblemAsync(await factory.CreateClient().GetAsync(new Uri("/api/v1/me", UriKind.Relative)), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task An_api_body_of_the_wrong_media_type_is_a_problem_document()
    {
        var body = new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "text/plain");
        var response = await factory.CreateClientAs(Admin).PostAsync(new Uri("/api/v1/universities", UriKind.Relative), body);
        await ShouldBeProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
        json.RootElement.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
    }
}
