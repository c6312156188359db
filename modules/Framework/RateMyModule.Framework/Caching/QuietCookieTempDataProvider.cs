using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace RateMyModule.Framework.Caching;

/// <summary>
/// The cookie TempData provider, minus one habit: a page that merely looks for a message answered every visitor with
/// a Set-Cookie that deletes a cookie they never had. That header made every such page personal, so no cache
/// could keep it. A cookie that exists is still deleted once its messages are read.
/// </summary>
public sealed class QuietCookieTempDataProvider(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        var name = options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;
        if (values.Count == 0 && !context.Request.Cookies.Keys.Any(k => k.StartsWith(name, StringComparison.Ordinal)))
        {
            return;
        }

        inner.SaveTempData(context, values);
    }
}
