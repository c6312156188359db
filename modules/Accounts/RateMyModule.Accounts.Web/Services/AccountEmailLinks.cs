using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using RateMyModule.Accounts.Emailing;
using RateMyModule.Accounts.Options;
using RateMyModule.Accounts.Users;

namespace RateMyModule.Accounts.Web.Services;

/// <summary>Makes the token links the account emails carry (absolute, to this site) and queues those emails.</summary>
public sealed class AccountEmailLinks(UserManager<AccountUser> users, AccountMailer mailer, LinkGenerator links, IHttpContextAccessor http, IOptions<AccountOptions> options)
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public async Task SendConfirmationAsync(AccountUser user, CancellationToken cancellationToken)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = PageLink("/Account/ConfirmEmail", new { userId = user.Id, code = Encode(token) });
        await mailer.SendConfirmationAsync(user.Email!, link, cancellationToken);
    }

    public Task SendRegistrationAttemptAsync(string email, CancellationToken cancellationToken)
        => mailer.SendRegistrationAttemptAsync(email, PageLink("/Account/Login", null), PageLink("/Account/ForgotPassword", null), cancellationToken);

    public async Task SendPasswordResetAsync(AccountUser user, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await mailer.SendPasswordResetAsync(user.Email!, PageLink("/Account/ResetPassword", new { code = Encode(token) }), cancellationToken);
    }

    /// <summary>The password-reset page sets a first password as well as a new one, with the same token and lifetime.</summary>
    public async Task SendInvitationAsync(AccountUser user, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await mailer.SendInvitationAsync(user.Email!, PageLink("/Account/ResetPassword", new { code = Encode(token) }), cancellationToken);
    }

    public Task SendEmailChangedNoticeAsync(string oldEmail, string newEmail, CancellationToken cancellationToken)
        => mailer.SendEmailChangedNoticeAsync(oldEmail, newEmail, PageLink("/Account/ForgotPassword", null), cancellationToken);

    public async Task SendChangeEmailAsync(AccountUser user, string newEmail, CancellationToken cancellationToken)
    {
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = PageLink("/Account/ConfirmEmailChange", new { userId = user.Id, email = newEmail, code = Encode(token) });
        await mailer.SendChangeEmailAsync(newEmail, link, cancellationToken);
    }

    /// <summary>On <c>PUBLIC_URL</c> when it is set, so that no request header can point a mailed token at another site.</summary>
    private string PageLink(string page, object? values)
    {
        if (options.Value.PublicUrl is not { } publicUrl)
        {
            return links.GetUriByPage(http.HttpContext!, page, handler: null, values)
                ?? throw new InvalidOperationException($"No route to {page}.");
        }

        var path = links.GetPathByPage(page, handler: null, values) ?? throw new InvalidOperationException($"No route to {page}.");
        return publicUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + path;
    }
}
