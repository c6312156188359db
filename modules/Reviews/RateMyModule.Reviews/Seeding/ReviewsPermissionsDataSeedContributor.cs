using RateMyModule.Accounts;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Seeding;

namespace RateMyModule.Reviews.Seeding;

/// <summary>Moderators and university admins moderate reviews and manage tags. Granting is idempotent.</summary>
public sealed class ReviewsPermissionsDataSeedContributor(PermissionGrantStore grants) : IDataSeedContributor
{
    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        foreach (var role in new[] { AccountRoles.Moderator, AccountRoles.UniversityAdmin })
        {
            await grants.GrantAsync(role, ReviewsPermissions.Moderate, cancellationToken);
            await grants.GrantAsync(role, ReviewsPermissions.ManageTags, cancellationToken);
        }
    }
}
