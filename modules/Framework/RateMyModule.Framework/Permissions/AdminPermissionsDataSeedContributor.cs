using RateMyModule.Framework.Seeding;

namespace RateMyModule.Framework.Permissions;

/// <summary>
/// Gives the <see cref="FrameworkRoles.Admin"/> role every defined permission, including ones a newly added module
/// brings. Adds only what is missing, so running it again changes nothing.
/// </summary>
public sealed class AdminPermissionsDataSeedContributor(PermissionDefinitionManager definitions, PermissionGrantStore grants)
    : IDataSeedContributor
{
    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        foreach (var permission in definitions.Permissions)
        {
            await grants.GrantAsync(FrameworkRoles.Admin, permission.Name, cancellationToken);
        }
    }
}
