using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RateMyModule.Accounts.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on a loopback port, standing in for the Microsoft identity platform:
/// discovery, authorization code with PKCE, signed ID tokens. Its authorize endpoint signs in, without a login page,
/// the user the test puts in <see cref="NextUser"/>.
/// </summary>
public sealed class LoopbackOpenIdProvider : IAsyncDisposable
{
    // Shaped like a Microsoft application id, as start-up validation requires of OAUTH_MICROSOFT_CLIENT_ID.
    public const string ClientId = "0f6c1e7a-4b4e-4c39-9a57-6a1d2f0c7e11";
    public const string ClientSecret = "rmm-test-secret";

    private readonly WebApplication _app;

    private LoopbackOpenIdProvider(WebApplication app, string authority)
    {
        _app = app;
        Authority = authority;
    }

    public string Authority { get; }

    /// <summary>Who the provider says is signing in: subject, email and whether it has verified that email.</summary>
    public (string Subject, string Email, bool Verified) NextUser { get; set; } = ("subject-1", "someone@bham.ac.uk", true);

    public static async Task<LoopbackOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        LoopbackOpenIdProvider? self = null;
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
            options.EnableDegradedMode();
            options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();

            // Degraded mode has no client store: the one client is checked here.
            options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }

                return default;
            }));
        });

        var app = builder.Build();
        app.MapMethods("connect/authorize", ["GET", "POST"], (HttpContext http) =>
        {
            var user = self!.NextUser;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.AddClaim(new Claim(Claims.Subject, user.Subject));
            identity.AddClaim(new Claim(Claims.Email, user.Email));
            identity.AddClaim(new Claim(Claims.EmailVerified, user.Verified ? "true" : "false", ClaimValueTypes.Boolean));
            identity.AddClaim(new Claim(Claims.Name, user.Email));
            var principal = new ClaimsPrincipal(identity);
            principal.SetScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
            foreach (var claim in principal.Claims)
            {
                claim.SetDestinations(Destinations.IdentityToken, Destinations.AccessToken);
            }

            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new LoopbackOpenIdProvider(app, address.TrimEnd('/') + "/");
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
