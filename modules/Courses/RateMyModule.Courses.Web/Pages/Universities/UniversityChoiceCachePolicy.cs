using Microsoft.AspNetCore.OutputCaching;
using RateMyModule.Framework.Caching;

namespace RateMyModule.Courses.Web.Pages.Universities;

/// <summary>
/// <see cref="PublicPageCachePolicy"/> for a page that shows the visitor's remembered university (the home page):
/// one cached copy per value of the <see cref="UniversityChoice.CookieName"/> cookie, so no visitor is served
/// another's choice.
/// </summary>
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

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => inner.ServeResponseAsync(context, cancellation);
}
