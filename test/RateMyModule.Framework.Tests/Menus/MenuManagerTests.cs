using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Tests.Permissions;
using RateMyModule.Framework.Users;

namespace RateMyModule.Framework.Tests.Menus;

public sealed class MenuManagerTests(PermissionHostFixture fixture) : IClassFixture<PermissionHostFixture>
{
    [Fact]
    public async Task An_editor_sees_granted_items_ordered_and_no_empty_groups()
    {
        await fixture.GrantAsync("MenuEditor", TestPermissions.ModulesEdit);

        var menu = await MenuForAsync(TestUsers.InRoles("MenuEditor"), StandardMenus.Main);

        Outline(menu).ShouldBe(["Home", "Catalogue", "  Catalogue.Edit", "  Catalogue.Browse", "Apple", "Zebra"]);
    }

    [Fact]
    public async Task A_moderator_sees_the_moderation_group_and_the_children_of_a_granted_parent()
    {
        await fixture.GrantAsync("MenuModerator", TestPermissions.Reports);

        var menu = await MenuForAsync(TestUsers.InRoles("MenuModerator"), StandardMenus.Main);

        Outline(menu).ShouldBe(
        [
            "Home", "Catalogue", "  Catalogue.Browse", "Apple", "Zebra",
            "Moderation", "  Moderation.Reports", "Secret", "  Secret.Child",
        ]);
    }

    [Fact]
    public async Task An_anonymous_visitor_sees_only_items_that_need_no_permission()
    {
        var menu = await MenuForAsync(null, StandardMenus.Main);

        Outline(menu).ShouldBe(["Home", "Catalogue", "  Catalogue.Browse", "Apple", "Zebra"]);
    }

    [Fact]
    public async Task Each_menu_gets_only_the_items_contributed_to_it()
    {
        var menu = await MenuForAsync(null, StandardMenus.Admin);

        Outline(menu).ShouldBe(["Jobs"]);
    }

    private async Task<IReadOnlyList<MenuItem>> MenuForAsync(ClaimsPrincipal? user, string menuName)
    {
        using var acting = fixture.Host.Services.GetRequiredService<ICurrentUser>().Change(user);
        return await fixture.QueryAsync(sp => sp.GetRequiredService<IMenuManager>().GetAsync(menuName));
    }

    private static List<string> Outline(IEnumerable<MenuItem> items, string indent = "")
        => items.SelectMany(i => Outline(i.Items, indent + "  ").Prepend(indent + i.Name)).ToList();
}
