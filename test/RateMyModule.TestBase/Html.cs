using AngleSharp;
using AngleSharp.Dom;

namespace RateMyModule.TestBase;

/// <summary>Parses a response as a browser would, so tests assert on elements rather than on substrings.</summary>
public static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var content = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(content).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }
}
