using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Permissions;

namespace RateMyModule.Framework.Tests.Permissions;

public sealed class PermissionGrantTests(PermissionHostFixture fixture) : IClassFixture<PermissionHostFixture>
{
    [Fact]
    public async Task Grants_and_revokes_are_stored_in_the_grants_table()
    {
        await fixture.GrantAsync("Curator", TestPermissions.ModulesEdit, TestPermissions.Reports);
        await fixture.GrantAsync("Curator", TestPermissions.ModulesEdit);

        (await RowsAsync("Curator")).ShouldBe([TestPermissions.ModulesEdit, TestPermissions.Reports]);
        (await fixture.QueryAsync(sp => sp.GetRequiredService<PermissionGrantStore>().GetGrantedPermissionsAsync("Curator")))
            .ShouldBe([TestPermissions.ModulesEdit, TestPermissions.Reports]);

        await fixture.Host.ScopeAsync(sp => sp.GetRequiredService<PermissionGrantStore>().RevokeAsync("Curator", TestPermissions.Reports));

        (await RowsAsync("Curator")).ShouldBe([TestPermissions.ModulesEdit]);
    }

    [Fact]
    public async Task Granting_a_permission_no_module_defines_is_refused()
    {
        // Caught inside the scope: ModuleTestHost disposes the scope without rolling back first, and the unit of
        // work's disposal then trips over the already disposed DbContext, hiding the real exception.
        var error = await fixture.QueryAsync(sp => Should.ThrowAsync<ArgumentException>(
            () => sp.GetRequiredService<PermissionGrantStore>().GrantAsync("Curator", "Catalogue.Typo")));

        error.Message.ShouldContain("'Catalogue.Typo'");
        (await RowsAsync("Curator")).ShouldNotContain("Catalogue.Typo");
    }

    [Fact]
    public async Task The_checker_grants_what_one_of_the_users_roles_holds_and_nothing_else()
    {
        await fixture.GrantAsync("Editor", TestPermissions.ModulesEdit);
        await fixture.GrantAsync("Moderator", TestPermissions.Reports);

        await fixture.Host.ScopeAsync(async sp =>
        {
            var checker = sp.GetRequiredService<IPermissionChecker>();
            (await checker.IsGrantedAsync(TestUsers.InRoles("Editor"), TestPermissions.ModulesEdit)).ShouldBeTrue();
            (await checker.IsGrantedAsync(TestUsers.InRoles("Editor"), TestPermissions.Reports)).ShouldBeFalse();
            (await checker.IsGrantedAsync(TestUsers.InRoles("Editor"), TestPermissions.Modules)).ShouldBeFalse();
            (await checker.IsGrantedAsync(TestUsers.InRoles("Moderator"), TestPermissions.Reports)).ShouldBeTrue();
            (await checker.IsGrantedAsync(TestUsers.InRoles("Visitor", "Moderator"), TestPermissions.Reports)).ShouldBeTrue();
            (await checker.IsGrantedAsync(TestUsers.InRoles(), TestPermissions.Reports)).ShouldBeFalse();
            (await checker.IsGrantedAsync(null, TestPermissions.Reports)).ShouldBeFalse();
        });
    }

    [Fact]
    public async Task Role_claims_of_an_unauthenticated_identity_grant_nothing()
    {
        await fixture.GrantAsync("Moderator", TestPermissions.Reports);
        var anonymous = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, "Moderator")]));

        var granted = await fixture.QueryAsync(sp => sp.GetRequiredService<IPermissionChecker>().IsGrantedAsync(anonymous, TestPermissions.Reports));

        granted.ShouldBeFalse();
    }

    [Fact]
    public async Task Many_checks_in_one_scope_read_the_grants_once_and_the_next_scope_sees_changes()
    {
        await fixture.GrantAsync("Reviewer", TestPermissions.Modules);
        var user = TestUsers.InRoles("Reviewer", "Guest");

        var queries = await fixture.QueryAsync(async sp =>
        {
            var checker = sp.GetRequiredService<IPermissionChecker>();
            (await checker.IsGrantedAsync(user, TestPermissions.Modules)).ShouldBeTrue();
            (await checker.IsGrantedAsync(user, TestPermissions.ModulesEdit)).ShouldBeFalse();
            (await checker.IsGrantedAsync(user, TestPermissions.ModulesDelete)).ShouldBeFalse();
            (await checker.IsGrantedAsync(user, TestPermissions.Reports)).ShouldBeFalse();
            return sp.GetRequiredService<PermissionGrantQueryCounter>().Count;
        });
        queries.ShouldBe(1);

        await fixture.GrantAsync("Reviewer", TestPermissions.Reports);
        (await fixture.QueryAsync(sp => sp.GetRequiredService<IPermissionChecker>().IsGrantedAsync(user, TestPermissions.Reports)))
            .ShouldBeTrue();
    }

    [Fact]
    public async Task A_grant_or_revoke_in_a_scope_is_seen_by_later_checks_in_that_scope()
    {
        var user = TestUsers.InRoles("Auditor");

        await fixture.Host.ScopeAsync(async sp =>
        {
            var checker = sp.GetRequiredService<IPermissionChecker>();
            var store = sp.GetRequiredService<PermissionGrantStore>();
            (await checker.IsGrantedAsync(user, TestPermissions.Reports)).ShouldBeFalse();
            await store.GrantAsync("Auditor", TestPermissions.Reports);
            (await checker.IsGrantedAsync(user, TestPermissions.Reports)).ShouldBeTrue();
            await store.RevokeAsync("Auditor", TestPermissions.Reports);
            (await checker.IsGrantedAsync(user, TestPermissions.Reports)).ShouldBeFalse();
        });
    }

    private Task<List<string>> RowsAsync(string role) => fixture.QueryAsync(sp => sp.GetRequiredService<FrameworkDbContext>()
        .PermissionGrants.Where(g => g.RoleName == role).Select(g => g.PermissionName).OrderBy(n => n).ToListAsync());
}
