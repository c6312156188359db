using System.Net;
using System.Text;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

/// <summary>Issue 12, item 7: a body the server cannot or will not read is the client's 400/413, never a 500.</summary>
public sealed class BadRequestBodyTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/nonexistent")]
    public async Task A_multipart_body_cut_short_is_a_400_with_a_message(string path)
    {
        var body = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"));
        body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        var response = await factory.CreateClient().PostAsync(new Uri(path, UriKind.Relative), body);

        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            (await response.Content.ReadAsStringAsync()).ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public async Task A_form_field_over_the_limit_is_a_413_with_a_message()
    {
        var body = new StringContent("Input.Email=" + new string('a', 2 * 1024 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded");
        var response = await factory.CreateClient().PostAsync(new Uri("/Account/Login", UriKind.Relative), body);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("too large");
    }
}
