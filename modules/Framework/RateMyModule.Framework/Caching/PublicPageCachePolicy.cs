using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Http;

namespace RateMyModule.Framework.Caching;

/// <summary>
/// Output caching for what every visitor sees alike: GET and HEAD from visitors who are not signed in, 200s that
/// set no cookie, with no one-off message waiting. An entry is keyed by the path, the whole query, the culture, the
/// colour scheme, the htmx headers and the data
/// generation of every module but the Framework (<see cref="DataGenerations"/>), so the first request after a
/// committed change misses and renders afresh: a page is never stale after a write was acknowledged, even when a
/// render that began before the write finishes after it. Entries of older generations are evicted by tag.
/// </summary>
public sealed class PublicPageCachePolicy(DataGenerations generations, ModuleDatabaseRegistry databases, IOptions<CachingOptions> options) : IOutputCachePolicy
{
    public const string Name = "PublicPage";
    public const string Tag = "public-page";

    /// <summary>A cached page lives at most this long even when nothing changes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly StringValues HtmxHeaders = new(["HX-Request", "HX-Target", "HX-Trigger"]);

    private readonly IReadOnlyList<Type> _sources = databases.Databases
        .Where(d => d.ContextType != typeof(FrameworkDbContext))
        .Select(d => d.ContextType)
        .ToList();

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var anonymous = context.HttpContext.User.Identity?.IsAuthenticated != true && !request.Headers.ContainsKey("Authorization");
        // A TempData cookie carries a one-off message ("Your account is deleted") that a stored copy would not show.
        var cacheable = options.Value.Enabled && anonymous && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Cookies.ContainsKey(StatusMessages.TempDataCookieName);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = HtmxHeaders;
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        // The scheme drawn and the toggle's choice shown as current: "light" chosen and "light" by the device differ.
        context.CacheVaryByRules.VaryByValues["scheme"] = $"{ColourScheme.ChoiceOf(request)}:{ColourScheme.Of(request)}";
        context.CacheVaryByRules.VaryByValues["data"] = generations.Of(_sources).ToString(CultureInfo.InvariantCulture);
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        JudgeResponse(context, keyedCookie: null);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Never keeps anything personal: a cookie being set, or anything but a plain success. A policy that varies its
    /// key by one cookie's value may name it as <paramref name="keyedCookie"/>: a Set-Cookie of that cookie alone
    /// then follows from the key, so the copy is the same for every visitor it is served to and may be stored.
    /// </summary>
    public static void JudgeResponse(OutputCacheContext context, string? keyedCookie)
    {
        var response = context.HttpContext.Response;
        var setCookie = response.Headers.SetCookie;
        var personal = keyedCookie is null
            ? !StringValues.IsNullOrEmpty(setCookie)
            : setCookie.Any(c => c is null || !c.StartsWith(keyedCookie + "=", StringComparison.Ordinal));
        if (response.StatusCode != StatusCodes.Status200OK || personal)
        {
            context.AllowCacheStorage = false;
        }
    }
}
