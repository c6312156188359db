using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Seeding;

namespace RateMyModule.Framework.Tests.Permissions;

public sealed class PermissionsSeedTests(PermissionHostFixture fixture) : IClassFixture<PermissionHostFixture>
{
    [Fact]
    public async Task Seeding_grants_admin_every_permission_and_a_second_run_changes_nothing()
    {
        var seeder = fixture.Host.Services.GetRequiredService<DataSeeder>();
        var expected = fixture.Host.Services.GetRequiredService<PermissionDefinitionManager>().Permissions.Select(p => p.Name).Order().ToList();

        await seeder.SeedAsync(new DataSeedContext(IncludeDemoData: false));
        var first = await AdminRowsAsync();
        await seeder.SeedAsync(new DataSeedContext(IncludeDemoData: false));
        var second = await AdminRowsAsync();

        first.Select(r => r.PermissionName).ShouldBe(expected);
        second.ShouldBe(first);
    }

    [Fact]
    public async Task An_admin_passes_every_permission_policy()
    {
        await fixture.Host.Services.GetRequiredService<DataSeeder>().SeedAsync(new DataSeedContext(IncludeDemoData: false));

        await fixture.Host.ScopeAsync(async sp =>
        {
            var checker = sp.GetRequiredService<IPermissionChecker>();
            foreach (var permission in sp.GetRequiredService<PermissionDefinitionManager>().Permissions)
            {
                (await checker.IsGrantedAsync(TestUsers.InRoles(FrameworkRoles.Admin), permission.Name)).ShouldBeTrue(permission.Name);
            }
        });
    }

    [Fact]
    public async Task Default_roles_get_a_permission_once_and_an_admins_revoke_survives_the_next_seed()
    {
        var seeder = fixture.Host.Services.GetRequiredService<DataSeeder>();
        await seeder.SeedAsync(new DataSeedContext(IncludeDemoData: false));
        (await EditorGrantsAsync()).ShouldBe([TestPermissions.ModulesEdit]);

        await fixture.Host.ScopeAsync(sp => sp.GetRequiredService<PermissionGrantStore>().RevokeAsync(TestPermissions.EditorRole, TestPermissions.ModulesEdit));
        await seeder.SeedAsync(new DataSeedContext(IncludeDemoData: false));

        (await EditorGrantsAsync()).ShouldBeEmpty("an admin took it away; seeding again must not give it back");
        var known = await fixture.QueryAsync(sp => sp.GetRequiredService<FrameworkDbContext>().KnownPermissions.Select(k => k.Name).ToListAsync());
        known.Order().ShouldBe(fixture.Host.Services.GetRequiredService<PermissionDefinitionManager>().Permissions.Select(p => p.Name).Order());
    }

    private Task<IReadOnlyList<string>> EditorGrantsAsync()
        => fixture.QueryAsync(sp => sp.GetRequiredService<PermissionGrantStore>().GetGrantedPermissionsAsync(TestPermissions.EditorRole));

    private Task<List<(Guid Id, string PermissionName)>> AdminRowsAsync() => fixture.QueryAsync(async sp =>
        (await sp.GetRequiredService<FrameworkDbContext>().PermissionGrants
            .Where(g => g.RoleName == FrameworkRoles.Admin)
            .OrderBy(g => g.PermissionName)
            .ToListAsync())
        .Select(g => (g.Id, g.PermissionName))
        .ToList());
}
