using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace RateMyModule.Notifications.Mail;

/// <summary>
/// The site's public address for links in mails. Mails go out from jobs, outside any request, so the address is
/// taken when the mail is asked for: the configured <see cref="NotificationsOptions.SiteUrl"/>, else the request's
/// own scheme and host (already corrected by the forwarded headers of a trusted proxy).
/// </summary>
public sealed class SiteAddress(IOptions<NotificationsOptions> options, IHttpContextAccessor http)
{
    public string Current()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.SiteUrl))
        {
            return options.Value.SiteUrl.TrimEnd('/');
        }

        var request = http.HttpContext?.Request;
        return request is null ? "http://localhost:5000" : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
