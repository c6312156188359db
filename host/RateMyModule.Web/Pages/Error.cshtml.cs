using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RateMyModule.Web.Pages;

/// <summary>
/// The page for unhandled exceptions (<c>/Error</c>, via the exception handler) and for empty error responses
/// (<c>/Error/404</c>, via status code re-execution). It never shows exception details: the request id is what a
/// user passes on, and the logs hold the rest.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int ErrorStatusCode { get; private set; }

    public string RequestId { get; private set; } = "";

    public bool IsNotFound => ErrorStatusCode == StatusCodes.Status404NotFound;

    public bool IsServerError => ErrorStatusCode >= StatusCodes.Status500InternalServerError;

    // Re-execution keeps the original method, so the page answers every verb the failed request may have used.
    public void OnGet(int? statusCode) => Prepare(statusCode);

    public void OnPost(int? statusCode) => Prepare(statusCode);

    public void OnPut(int? statusCode) => Prepare(statusCode);

    public void OnDelete(int? statusCode) => Prepare(statusCode);

    private void Prepare(int? statusCode)
    {
        ErrorStatusCode = statusCode is >= 400 and <= 599 ? statusCode.Value : StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = ErrorStatusCode;
    }
}
