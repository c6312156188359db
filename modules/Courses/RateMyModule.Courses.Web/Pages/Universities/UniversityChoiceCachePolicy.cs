using Microsoft.AspNetCore.OutputCaching;
using RateMyModule.Framework.Caching;

namespace RateMyModule.Courses.Web.Pages.Universities;

/// <summary>
/// <see cref="PublicPageCachePolicy"/> for a page that shows or sets the visitor's remembered university (the home
/// page, a university's page): one cached copy per value of the <see cref="UniversityChoice.CookieName"/> cookie, so
/// no visitor is served another's choice.
/// </summary>
/// <remarks>
/// A university's page remembers its university for a visitor who had another one (or none). That Set-Cookie follows
/// from the cache key alone (this page, the cookie the visitor sent), so a copy that carries it is the same for every
/// visitor with that key and may be stored with it (the cache replays it); any other cookie still keeps the response
/// out of the cache.
/// Without this, a first visit was never cached, and a visitor with another university's cookie could be served the
/// copy made for one whose cookie already matched, and so never had their choice updated.
/// </remarks>
public sealed class UniversityChoiceCachePolicy(PublicPageCachePolicy inner) : IOutputCachePolicy
{
    public const string Name = "UniversityChoicePage";

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        await inner.CacheRequestAsync(context, cancellation);
        var cookie = context.HttpContext.Request.Cookies[UniversityChoice.CookieName];
        context.CacheVaryByRules.VaryByValues["university"] = Guid.TryParse(cookie, out var id) ? id.ToString("N") : "";
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => inner.ServeFromCacheAsync(context, cancellation);

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        PublicPageCachePolicy.JudgeResponse(context, keyedCookie: UniversityChoice.CookieName);
        return ValueTask.CompletedTask;
    }
}
