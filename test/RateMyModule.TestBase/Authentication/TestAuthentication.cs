using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RateMyModule.TestBase.Authentication;

/// <summary>A user a test acts as; sent in a request header and turned into a principal by <see cref="TestAuthenticationHandler"/>.</summary>
public sealed record TestUser(Guid Id, string Email, IReadOnlyList<string> Roles, Guid? UniversityId = null)
{
    public const string Header = "X-Test-User";

    public string Encode() => string.Join(';', Id, Email, string.Join(',', Roles), UniversityId?.ToString() ?? "");

    public static TestUser Decode(string value)
    {
        var parts = value.Split(';');
        return new TestUser(
            Guid.Parse(parts[0]),
            parts[1],
            parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries),
            string.IsNullOrEmpty(parts[3]) ? null : Guid.Parse(parts[3]));
    }
}

/// <summary>
/// Signs a request in as the <see cref="TestUser"/> in its header. Requests without the header fall through to the
/// application's own default scheme, so real sign-in (the Accounts module's cookie) still works in the same test.
/// </summary>
public sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string SelectorScheme = "TestOrApplication";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(TestUser.Header, out var value))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var user = TestUser.Decode(value.ToString());
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.Email),
            new(ClaimTypes.Email, user.Email),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.UniversityId is { } universityId)
        {
            claims.Add(new Claim("rmm:university_id", universityId.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

public static class TestAuthenticationExtensions
{
    /// <summary>Adds the test scheme in front of the application's default scheme (used by <see cref="WebAppFactory"/>).</summary>
    public static IServiceCollection AddTestAuthentication(this IServiceCollection services)
    {
        var fallback = new FallbackScheme();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, _ => { })
            .AddPolicyScheme(TestAuthenticationHandler.SelectorScheme, null, policy =>
                policy.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(TestUser.Header) || fallback.Name is null
                        ? TestAuthenticationHandler.SchemeName
                        : fallback.Name);
        services.PostConfigure<AuthenticationOptions>(options =>
        {
            // Remember the application's own scheme before putting the selector in front of it.
            fallback.Name = options.DefaultAuthenticateScheme ?? options.DefaultScheme;
            options.DefaultAuthenticateScheme = TestAuthenticationHandler.SelectorScheme;

            // With no sign-in scheme of its own, the app could not challenge or forbid; the test scheme answers 401/403.
            options.DefaultScheme ??= TestAuthenticationHandler.SelectorScheme;
        });
        return services;
    }

    private sealed class FallbackScheme
    {
        public string? Name { get; set; }
    }

    /// <summary>A client whose every request is signed in as <paramref name="user"/>.</summary>
    public static HttpClient CreateClientAs<TEntryPoint>(this WebApplicationFactory<TEntryPoint> factory, TestUser user, WebApplicationFactoryClientOptions? options = null)
        where TEntryPoint : class
    {
        var client = factory.CreateClient(options ?? new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestUser.Header, user.Encode());
        return client;
    }
}
