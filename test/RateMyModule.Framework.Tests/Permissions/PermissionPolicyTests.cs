using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace RateMyModule.Framework.Tests.Permissions;

public sealed class PermissionPolicyTests(PermissionHostFixture fixture) : IClassFixture<PermissionHostFixture>
{
    [Fact]
    public async Task A_permission_is_a_policy_of_the_same_name()
    {
        await fixture.GrantAsync("Editor", TestPermissions.ModulesEdit);

        await fixture.Host.ScopeAsync(async sp =>
        {
            var authorization = sp.GetRequiredService<IAuthorizationService>();
            (await authorization.AuthorizeAsync(TestUsers.InRoles("Editor"), TestPermissions.ModulesEdit)).Succeeded.ShouldBeTrue();
            (await authorization.AuthorizeAsync(TestUsers.InRoles("Visitor"), TestPermissions.ModulesEdit)).Succeeded.ShouldBeFalse();
            (await authorization.AuthorizeAsync(TestUsers.InRoles("Editor"), TestPermissions.ModulesDelete)).Succeeded.ShouldBeFalse();
        });
    }

    [Fact]
    public async Task Other_policy_names_go_to_the_default_provider()
    {
        var withBadge = new ClaimsPrincipal(new ClaimsIdentity([new Claim("badge", "gold")], "Test"));

        await fixture.Host.ScopeAsync(async sp =>
        {
            var authorization = sp.GetRequiredService<IAuthorizationService>();
            (await authorization.AuthorizeAsync(withBadge, PermissionTestModule.ClaimPolicy)).Succeeded.ShouldBeTrue();
            (await authorization.AuthorizeAsync(TestUsers.InRoles("Editor"), PermissionTestModule.ClaimPolicy)).Succeeded.ShouldBeFalse();
            var unknown = await Should.ThrowAsync<InvalidOperationException>(
                () => authorization.AuthorizeAsync(withBadge, "Catalogue.Unknown"));
            unknown.Message.ShouldContain("Catalogue.Unknown");
        });
    }
}
