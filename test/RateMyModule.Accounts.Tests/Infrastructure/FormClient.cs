using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MimeKit;
using netDumbster.smtp;
using RateMyModule.TestBase;

namespace RateMyModule.Accounts.Tests.Infrastructure;

/// <summary>
/// Drives the site as a browser without JavaScript would: keeps cookies, fills a page's form (antiforgery token
/// included, as the page rendered it) and posts it. Redirects are not followed, so tests see them.
/// </summary>
public sealed partial class FormClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<IDocument> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {url} gave {(int)response.StatusCode}");
        return await Html.ParseAsync(response);
    }

    /// <summary>Posts the page's form (the first, or the one whose action contains <paramref name="action"/>) with the given fields changed.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IDocument page, IDictionary<string, string> fields, string? action = null)
    {
        var form = page.QuerySelectorAll<IHtmlFormElement>("main form").FirstOrDefault(f => action is null || (f.GetAttribute("action") ?? "").Contains(action, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form {action} on {page.Url}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (fields.ContainsKey(input.Name!) || (input.Type is "checkbox" or "radio" && !input.IsChecked))
            {
                continue;
            }

            values.Add(new(input.Name!, input.Value));
        }

        foreach (var (name, value) in fields)
        {
            foreach (var single in value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                values.Add(new(name, single));
            }
        }

        var target = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : new Uri(new Uri(page.Url), form.GetAttribute("action")).ToString();
        return await Http.PostAsync(target, new FormUrlEncodedContent(values));
    }

    public static async Task<MimeMessage> WaitForEmailAsync(SimpleSmtpServer smtp, string to, string subjectContains)
    {
        // Up to a minute: the mail goes through the job queue, which a loaded CI machine may run late.
        for (var i = 0; i < 600; i++)
        {
            foreach (var raw in smtp.ReceivedEmail)
            {
                var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(raw.Data)));
                if (message.To.Mailboxes.Any(m => m.Address == to) && (message.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal))
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No email to {to} about '{subjectContains}' arrived.");
    }

    public static string LinkIn(MimeMessage message)
        => LinkPattern().Match(message.TextBody ?? "").Value is { Length: > 0 } link ? link : throw new InvalidOperationException("No link in the email.");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
