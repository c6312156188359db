using Microsoft.AspNetCore.Http;

namespace RateMyModule.Reviews.Web.Pages.Modules;

/// <summary>What htmx says about a request in its headers: whether it asked, and which element it will swap.</summary>
public static class HtmxRequest
{
    public static bool IsHtmx(this HttpRequest request) => request.Headers["HX-Request"] == "true";

    public static string? HtmxTarget(this HttpRequest request) => request.IsHtmx() ? request.Headers["HX-Target"].ToString() : null;
}
