using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace RateMyModule.Accounts.Users;

/// <summary>Puts the user's university in the cookie (roles are added by the base), so other modules scope without a lookup.</summary>
public sealed class AccountClaimsPrincipalFactory(UserManager<AccountUser> users, RoleManager<AccountRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AccountUser, AccountRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AccountUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.UniversityId is { } universityId)
        {
            identity.AddClaim(new Claim(AccountClaimTypes.UniversityId, universityId.ToString("D", CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
