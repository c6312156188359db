using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace RateMyModule.Web.Api;

public sealed record ApiEndpoint(string Method, string Path, string Group);

/// <summary>Every module's HTTP API as one OpenAPI document, and the list the browsable reference page shows.</summary>
public static class ApiReference
{
    public const string DocumentName = "v1";

    /// <summary>Served at <c>/api/v1/openapi.json</c>, beside the endpoints it describes.</summary>
    public const string DocumentPattern = "/api/{documentName}/openapi.json";

    public static IReadOnlyList<ApiEndpoint> Endpoints(IApiDescriptionGroupCollectionProvider explorer) =>
        explorer.ApiDescriptionGroups.Items
            .SelectMany(group => group.Items)
            .Where(d => d.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true)
            .Select(d => new ApiEndpoint(
                d.HttpMethod ?? "GET",
                "/" + d.RelativePath!,
                d.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>().SelectMany(t => t.Tags).FirstOrDefault()
                    ?? d.RelativePath!.Split('/').Skip(2).FirstOrDefault() ?? ""))
            .DistinctBy(e => (e.Method, e.Path))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
}
