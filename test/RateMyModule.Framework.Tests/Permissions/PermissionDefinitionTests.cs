using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Permissions;

namespace RateMyModule.Framework.Tests.Permissions;

public sealed class PermissionDefinitionTests(PermissionHostFixture fixture) : IClassFixture<PermissionHostFixture>
{
    [Fact]
    public void Lists_every_module_group_and_permission_with_children_after_their_parent()
    {
        var definitions = fixture.Host.Services.GetRequiredService<PermissionDefinitionManager>();

        // The kernel's own group comes first: its provider is registered before any module's.
        definitions.Groups.Select(g => g.Name).ShouldBe([FrameworkPermissions.GroupName, "Catalogue", "Moderation"]);
        definitions.Permissions.Select(p => p.Name).ShouldBe(
        [
            FrameworkPermissions.ViewBackgroundJobs, FrameworkPermissions.ViewAuditLog,
            TestPermissions.Modules, TestPermissions.ModulesEdit, TestPermissions.ModulesDelete, TestPermissions.Reports,
        ]);
        var edit = definitions.GetOrNull(TestPermissions.ModulesEdit).ShouldNotBeNull();
        edit.Parent.ShouldNotBeNull().Name.ShouldBe(TestPermissions.Modules);
        edit.Group.Name.ShouldBe("Catalogue");
        definitions.IsDefined("Catalogue.Nope").ShouldBeFalse();
        fixture.Host.Services.GetRequiredService<PermissionDefinitionManager>().ShouldBeSameAs(definitions);
    }

    [Fact]
    public void Display_names_are_localization_keys_given_or_by_convention()
    {
        var definitions = fixture.Host.Services.GetRequiredService<PermissionDefinitionManager>();

        definitions.GetOrNull(TestPermissions.Modules)!.DisplayNameKey.ShouldBe("Catalogue:Permission:Modules");
        definitions.GetOrNull(TestPermissions.ModulesEdit)!.DisplayNameKey.ShouldBe("Permission:Catalogue.Modules.Edit");
        definitions.Groups.Single(g => g.Name == "Catalogue").DisplayNameKey.ShouldBe("PermissionGroup:Catalogue");
        definitions.Groups.Single(g => g.Name == "Moderation").DisplayNameKey.ShouldBe("Moderation:Permissions");
    }

    [Fact]
    public void A_permission_defined_twice_is_rejected_naming_both_providers()
    {
        var error = Should.Throw<InvalidOperationException>(
            () => new PermissionDefinitionManager([new CataloguePermissionDefinitionProvider(), new CopyingPermissionDefinitionProvider()]));

        error.Message.ShouldContain("'Catalogue.Modules.Edit' is defined twice");
        error.Message.ShouldContain(nameof(CataloguePermissionDefinitionProvider));
        error.Message.ShouldContain(nameof(CopyingPermissionDefinitionProvider));
    }

    [Fact]
    public void A_group_defined_twice_is_rejected_but_a_module_may_add_to_another_group()
    {
        var error = Should.Throw<InvalidOperationException>(
            () => new PermissionDefinitionManager([new CataloguePermissionDefinitionProvider(), new CataloguePermissionDefinitionProvider()]));
        error.Message.ShouldContain("'Catalogue' is defined twice");

        var extended = new PermissionDefinitionManager([new CataloguePermissionDefinitionProvider(), new ExtendingPermissionDefinitionProvider()]);
        extended.Groups.ShouldHaveSingleItem().Permissions.Select(p => p.Name).ShouldBe([TestPermissions.Modules, "Catalogue.Tags"]);
    }

    [Fact]
    public void Registering_the_same_provider_twice_defines_it_once()
    {
        var services = new ServiceCollection();
        services.AddPermissionDefinitions<ModerationPermissionDefinitionProvider>();
        services.AddPermissionDefinitions<ModerationPermissionDefinitionProvider>();

        services.Count(d => d.ServiceType == typeof(IPermissionDefinitionProvider)).ShouldBe(1);
    }

    [Fact]
    public void A_name_too_long_for_the_grants_table_is_rejected()
    {
        var context = new PermissionDefinitionContext();
        var group = context.AddGroup("Long");

        Should.Throw<ArgumentException>(() => group.AddPermission(new string('x', PermissionDefinition.MaxNameLength + 1)))
            .Message.ShouldContain("at most 128 characters");
    }

    private sealed class CopyingPermissionDefinitionProvider : IPermissionDefinitionProvider
    {
        public void Define(PermissionDefinitionContext context)
            => context.AddGroup("Copy").AddPermission(TestPermissions.ModulesEdit);
    }

    private sealed class ExtendingPermissionDefinitionProvider : IPermissionDefinitionProvider
    {
        public void Define(PermissionDefinitionContext context)
            => context.GetGroupOrNull("Catalogue")!.AddPermission("Catalogue.Tags");
    }
}
