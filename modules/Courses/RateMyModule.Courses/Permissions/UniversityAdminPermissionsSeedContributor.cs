using RateMyModule.Accounts;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Seeding;

namespace RateMyModule.Courses.Permissions;

/// <summary>A UniversityAdmin manages their university's catalogue (the scope is enforced by the application services).</summary>
public sealed class UniversityAdminPermissionsSeedContributor(PermissionGrantStore grants) : IDataSeedContributor
{
    public Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
        => grants.GrantAsync(AccountRoles.UniversityAdmin, CoursesPermissions.ManageCatalogue, cancellationToken);
}
