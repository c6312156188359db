using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace RateMyModule.Accounts.Web.External;

/// <summary>
/// Google and Microsoft sign-in, each registered only when its client id and secret are configured, so the sign-in
/// page shows buttons only for providers that can work.
/// </summary>
public static partial class ExternalSignIn
{
    public const string Google = "Google";
    public const string Microsoft = "Microsoft";

    /// <summary>The claim a provider uses to say it has verified the address (OpenID Connect's <c>email_verified</c>).</summary>
    public const string EmailVerifiedClaim = "email_verified";

    public static void AddExternalProviders(IServiceCollection services, IConfiguration configuration)
    {
        var authentication = services.AddAuthentication();
        if (configuration["OAUTH_GOOGLE_CLIENT_ID"] is { Length: > 0 } googleId && configuration["OAUTH_GOOGLE_SECRET"] is { Length: > 0 } googleSecret)
        {
            authentication.AddGoogle(Google, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.ClientId = googleId;
                o.ClientSecret = googleSecret;
                o.ClaimActions.MapJsonKey(EmailVerifiedClaim, EmailVerifiedClaim);
            });
        }

        if (configuration["OAUTH_MICROSOFT_CLIENT_ID"] is { Length: > 0 } microsoftId && configuration["OAUTH_MICROSOFT_SECRET"] is { Length: > 0 } microsoftSecret)
        {
            // The "common" endpoint serves every Microsoft tenant, each with its own issuer; OAUTH_MICROSOFT_AUTHORITY
            // points elsewhere (a single tenant, or a test provider).
            var authority = configuration["OAUTH_MICROSOFT_AUTHORITY"] ?? "https://login.microsoftonline.com/common/v2.0";
            authentication.AddOpenIdConnect(Microsoft, Microsoft, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = authority;

                // Plain HTTP metadata only from this machine (a provider started by a test), never over a network.
                o.RequireHttpsMetadata = !new Uri(authority).IsLoopback;
                o.ClientId = microsoftId;
                o.ClientSecret = microsoftSecret;
                o.ResponseType = "code";
                o.CallbackPath = "/signin-microsoft";
                o.Scope.Add("email");
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                if (authority.Contains("/common/", StringComparison.Ordinal))
                {
                    o.TokenValidationParameters.IssuerValidator = MicrosoftTenantIssuer;
                }
            });
        }
    }

    /// <summary>The verified email address the provider vouches for, or null when it does not vouch for one.</summary>
    public static string? VerifiedEmail(ClaimsPrincipal principal)
    {
        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue("email");
        var verified = principal.FindFirstValue(EmailVerifiedClaim) ?? principal.FindFirstValue("xms_edov");
        return !string.IsNullOrWhiteSpace(email) && string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase) ? email.Trim() : null;
    }

    private static string MicrosoftTenantIssuer(string issuer, SecurityToken token, TokenValidationParameters parameters)
        => TenantIssuer().IsMatch(issuer) ? issuer : throw new SecurityTokenInvalidIssuerException($"Issuer {issuer} is not a Microsoft tenant.");

    [GeneratedRegex("^https://login\\.microsoftonline\\.com/[0-9a-f-]{36}/v2\\.0$")]
    private static partial Regex TenantIssuer();
}
