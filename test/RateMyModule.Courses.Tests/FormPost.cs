using AngleSharp.Dom;
using RateMyModule.TestBase;

namespace RateMyModule.Courses.Tests;

/// <summary>Submits a page's form as a browser would: its fields (antiforgery token included) with some values changed.</summary>
public static class FormPost
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formSelector, IDictionary<string, string> values, IReadOnlyCollection<string>? multi = null)
    {
        var page = await client.GetAsync(new Uri(pageUrl, UriKind.Relative));
        page.EnsureSuccessStatusCode();
        var document = await Html.ParseAsync(page);
        var form = document.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}.");
        var fields = Fields(form).Where(f => !values.ContainsKey(f.Key) && !(multi?.Contains(f.Key) ?? false)).ToList();
        fields.AddRange(values.Where(v => multi is null || !multi.Contains(v.Key) || v.Value.Length > 0)
            .SelectMany(v => multi?.Contains(v.Key) == true ? v.Value.Split(',').Select(x => new KeyValuePair<string, string>(v.Key, x)) : [v]));
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    public static IEnumerable<KeyValuePair<string, string>> Fields(IElement form)
        => form.QuerySelectorAll("input[name], select[name], textarea[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "radio") || e.HasAttribute("checked"))
            .Select(e => new KeyValuePair<string, string>(
                e.GetAttribute("name")!,
                e.LocalName == "select"
                    ? (e.QuerySelector("option[selected]") ?? e.QuerySelector("option"))?.GetAttribute("value") ?? ""
                    : e.LocalName == "textarea" ? e.TextContent : e.GetAttribute("value") ?? ""));
}
