using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Web.Api;

namespace RateMyModule.Web.Pages.Api;

/// <summary>The browsable root of the HTTP API: every endpoint of every module, and the OpenAPI document.</summary>
public sealed class IndexModel(IApiDescriptionGroupCollectionProvider explorer) : PageModel
{
    public IReadOnlyList<ApiEndpoint> Endpoints { get; private set; } = [];

    public void OnGet() => Endpoints = ApiReference.Endpoints(explorer);
}
