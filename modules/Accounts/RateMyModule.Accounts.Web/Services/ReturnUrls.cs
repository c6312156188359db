using Microsoft.AspNetCore.Mvc;
using RateMyModule.Framework.Http;

namespace RateMyModule.Accounts.Web.Services;

/// <summary>
/// Only a local return URL is followed: anything else would make the sign-in page an open redirect. It comes back
/// escaped for the Location header, so that a non-ASCII one is a redirect and not a server error.
/// </summary>
public static class ReturnUrls
{
    public static string LocalOrHome(this IUrlHelper url, string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? LocalRedirects.ForLocationHeader(returnUrl) : "~/";
}
