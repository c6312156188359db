using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using RateMyModule.Web.Localization;
using RateMyModule.Web.Security;

namespace RateMyModule.Web.Pages;

/// <summary>
/// The page for unhandled exceptions (<c>/Error</c>, via the exception handler) and for empty error responses
/// (<c>/Error/404</c>, via status code re-execution). It never shows exception details: the request id is what a
/// user passes on, and the logs hold the rest.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<WebResource> localizer) : PageModel
{
    public int ErrorStatusCode { get; private set; }

    public string RequestId { get; private set; } = "";

    public bool IsNotFound => ErrorStatusCode == StatusCodes.Status404NotFound;

    public bool IsServerError => ErrorStatusCode >= StatusCodes.Status500InternalServerError;

    /// <summary>Set when the request's body was refused (<see cref="RequestBodyGuardMiddleware"/>): too large, or unreadable.</summary>
    public RefusedRequestBody? RefusedBody { get; private set; }

    /// <summary>The most the site accepts in one request, in whole megabytes, for the "too large" message.</summary>
    public static long MaxBodyMegabytes => RequestBodyLimits.MaxBodyBytes / (1024 * 1024);

    // Re-execution keeps the original method, so the page answers every verb the failed request may have used. The
    // status comes from the route only (/Error/404): a "statusCode" in the failed request's form or query is the
    // client's, and must not choose what the server answers.
    public IActionResult OnGet([FromRoute] int? statusCode) => Prepare(statusCode);

    public IActionResult OnPost([FromRoute] int? statusCode) => Prepare(statusCode);

    public IActionResult OnPut([FromRoute] int? statusCode) => Prepare(statusCode);

    public IActionResult OnDelete([FromRoute] int? statusCode) => Prepare(statusCode);

    private IActionResult Prepare(int? statusCode)
    {
        ErrorStatusCode = statusCode is >= 400 and <= 599 ? statusCode.Value : StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        RefusedBody = HttpContext.Features.Get<RefusedRequestBody>();
        Response.StatusCode = ErrorStatusCode;
        return IsApiRequest() ? ApiProblem() : Page();
    }

    /// <summary>The failed request was for the HTTP API (its path, before re-execution, is under /api).</summary>
    private bool IsApiRequest()
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted
            ? reExecuted.OriginalPathBase + reExecuted.OriginalPath
            : HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        return original is not null && original.StartsWith("/api/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What was wrong with a refused body, in the reader's language; null for any other error.</summary>
    public string? RefusedBodyMessage() => RefusedBody?.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => localizer["RequestTooLarge", MaxBodyMegabytes].Value,
        StatusCodes.Status400BadRequest => localizer["RequestBodyUnreadable"].Value,
        _ => null,
    };

    /// <summary>An API client reads errors as RFC 9457 problem details, never as an HTML page.</summary>
    private ObjectResult ApiProblem()
    {
        var problem = new ProblemDetails
        {
            Status = ErrorStatusCode,
            Title = ReasonPhrases.GetReasonPhrase(ErrorStatusCode),
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{ErrorStatusCode}",
            Detail = RefusedBodyMessage(),
        };
        problem.Extensions["requestId"] = RequestId;
        return new ObjectResult(problem) { StatusCode = ErrorStatusCode, ContentTypes = { "application/problem+json" } };
    }
}
