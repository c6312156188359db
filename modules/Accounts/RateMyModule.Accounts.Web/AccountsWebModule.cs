using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RateMyModule.Accounts.Options;
using RateMyModule.Accounts.Sessions;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.Api;
using RateMyModule.Accounts.Web.External;
using RateMyModule.Accounts.Web.Filters;
using RateMyModule.Accounts.Web.Menus;
using RateMyModule.Accounts.Web.Services;
using RateMyModule.Framework.Distributed;
using RateMyModule.Framework.Localization;
using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Modularity;

namespace RateMyModule.Accounts.Web;

/// <summary>The /Account pages, the sign-in cookie, the sign-in rate limit and the enrolment gate.</summary>
[DependsOn(typeof(AccountsModule))]
public sealed class AccountsWebModule : AppModule
{
    /// <summary>The rate-limiter policy on the sign-in page: POSTs per client address.</summary>
    public const string SignInRateLimitPolicy = "Accounts.SignIn";

    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddModuleApplicationPart(typeof(AccountsWebModule).Assembly);
        services.AddJsonLocalizationResource<AccountsWebResource>(typeof(AccountsResource).Assembly);

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "rmm.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;

            // An API caller gets a status code, not the sign-in page.
            cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            cookie.Events.OnSignedIn = RememberCultureAsync;

            // Identity's default here is its SecurityStampValidator, which builds a SignInManager (and with it a
            // user store and its DbContext) on every request to compare stamps every 30 minutes. The session store
            // compares the stamp on every request already (a changed stamp ends the session), so it has no work.
            cookie.Events.OnValidatePrincipal = _ => Task.CompletedTask;
        });

        // Sign-ins live server-side, so sign-out, a lock or a password change ends them at their next request.
        services.AddOptions<CookieAuthenticationOptions>(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
            .Configure<SessionTicketStore>((cookie, store) => cookie.SessionStore = store);

        ExternalSignIn.AddExternalProviders(services, context.Configuration);

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccountOptions>, SharedRateLimitPartitions>((limiter, accounts, partitions) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A refused client is told when it may try again (RFC 9110 Retry-After), in whole seconds.
            limiter.OnRejected = (rejected, _) =>
            {
                if (SharedRateLimitPartitions.TryGetRetryAfter(rejected.Lease, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            var settings = accounts.Value;
            // Counted in Redis when replicas share one, so the limit holds per client however requests are spread.
            limiter.AddPolicy(SignInRateLimitPolicy, http =>
                HttpMethods.IsPost(http.Request.Method)
                    ? partitions.FixedWindow(
                        SignInRateLimitPolicy, http.Connection.RemoteIpAddress?.ToString() ?? "unknown", settings.SignInPermitLimit, settings.SignInWindow)
                    : RateLimitPartition.GetNoLimiter("read"));
        });

        services.AddMenuContributor<AccountsMenuContributor>();
        services.AddScoped<AccountEmailLinks>();
        services.AddScoped<EnrolmentRequiredPageFilter>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<EnrolmentRequiredPageFilter>());
        return Task.CompletedTask;
    }

    public override Task OnApplicationInitializationAsync(ApplicationInitializationContext context)
    {
        ((WebApplication)context.Application!).MapMe();
        return Task.CompletedTask;
    }

    /// <summary>Signing in is a choice of language too: the page the user signed in on was in the one they read.</summary>
    private static Task RememberCultureAsync(CookieSignedInContext context)
        => Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? context.HttpContext.RequestServices.GetRequiredService<PreferredCultureRecorder>()
                .RecordAsync(userId, CultureInfo.CurrentUICulture.Name, context.HttpContext.RequestAborted)
            : Task.CompletedTask;

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
