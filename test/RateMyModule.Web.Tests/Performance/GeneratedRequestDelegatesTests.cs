using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests.Performance;

/// <summary>
/// Every Map* endpoint of the product (the modules' APIs, the culture and colour-scheme switches) runs a request
/// delegate the Request Delegate Generator wrote at build time (<c>EnableRequestDelegateGenerator</c> in each project
/// that maps endpoints). Without it, ASP.NET Core compiles each one from expression trees at start-up, twice (for the
/// authorization policy cache and for the route table): most of the endpoints' part of the cold start.
/// </summary>
public sealed class GeneratedRequestDelegatesTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string GeneratedNamespace = "Microsoft.AspNetCore.Http.Generated";

    [Fact]
    public void Every_product_route_handler_runs_generated_code()
    {
        var handlers = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Handler: e.Metadata.OfType<MethodInfo>().FirstOrDefault()))
            // A handler of ours that is not itself a RequestDelegate: what RequestDelegateFactory would compile.
            .Where(e => e.Handler?.DeclaringType?.Assembly.GetName().Name?.StartsWith("RateMyModule.", StringComparison.Ordinal) == true
                && e.Endpoint.RequestDelegate?.Method != e.Handler)
            .ToList();

        handlers.Count.ShouldBeGreaterThanOrEqualTo(20);
        handlers.Where(e => e.Endpoint.RequestDelegate!.Method.DeclaringType?.Namespace != GeneratedNamespace)
            .Select(e => $"{e.Endpoint.DisplayName} ({e.Handler!.DeclaringType!.Assembly.GetName().Name}): its project needs <EnableRequestDelegateGenerator>true</EnableRequestDelegateGenerator>")
            .ShouldBeEmpty();
    }
}
