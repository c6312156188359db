using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Menus;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

/// <summary>A menu manager that fails makes every page with the main menu fail: the unhandled-exception path.</summary>
public sealed class FailingMenuWebAppFactory : WebAppFactory
{
    public const string SecretDetail = "menu store exploded at row 42";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IMenuManager, FailingMenuManager>());
    }

    private sealed class FailingMenuManager : IMenuManager
    {
        public Task<IReadOnlyList<MenuItem>> GetAsync(string menuName, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(SecretDetail);
    }
}

public sealed class ServerErrorTests(FailingMenuWebAppFactory factory) : IClassFixture<FailingMenuWebAppFactory>
{
    [Fact]
    public async Task Unhandled_exception_gets_the_error_page_with_status_500_a_request_id_and_no_details()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(FailingMenuWebAppFactory.SecretDetail);
        body.ShouldNotContain(nameof(InvalidOperationException));
        body.ShouldNotContain("MainMenuViewComponent");
        var document = await Html.ParseAsync(response);
        document.QuerySelector("main h1")!.TextContent.ShouldBe("Something went wrong");
        document.QuerySelector("main .request-id")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
    }
}
