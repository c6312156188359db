using Microsoft.AspNetCore.Mvc;

namespace RateMyModule.Accounts.Web.Services;

/// <summary>Only a local return URL is followed: anything else would make the sign-in page an open redirect.</summary>
public static class ReturnUrls
{
    public static string LocalOrHome(this IUrlHelper url, string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "~/";
}
