using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Seeding;

namespace RateMyModule.Framework.Permissions;

/// <summary>
/// Gives <see cref="FrameworkRoles.Admin"/> every defined permission on every run (including ones a newly added
/// module brings), and gives each permission's <see cref="PermissionDefinition.DefaultRoles"/> once: the first time
/// the permission appears in this database. Running it again changes nothing an admin decided.
/// </summary>
public sealed class PermissionsDataSeedContributor(
    PermissionDefinitionManager definitions,
    PermissionGrantStore grants,
    FrameworkDbContext db,
    TimeProvider clock) : IDataSeedContributor
{
    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        var known = (await db.KnownPermissions.AsNoTracking().Select(k => k.Name).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var permission in definitions.Permissions)
        {
            await grants.GrantAsync(FrameworkRoles.Admin, permission.Name, cancellationToken);
            if (known.Contains(permission.Name))
            {
                continue;
            }

            foreach (var role in permission.DefaultRoles)
            {
                await grants.GrantAsync(role, permission.Name, cancellationToken);
            }

            db.KnownPermissions.Add(new KnownPermission { Name = permission.Name, FirstSeenTime = now });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
