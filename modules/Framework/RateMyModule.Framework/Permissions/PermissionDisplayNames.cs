using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Localization;

namespace RateMyModule.Framework.Permissions;

/// <summary>
/// The localized names of permissions and groups, read from the resource of the module that defined them, so a
/// screen listing every module's permissions does not need to know those modules.
/// </summary>
public sealed class PermissionDisplayNames(IStringLocalizerFactory localizers)
{
    public string Of(PermissionGroupDefinition group) => Localizer(group)[group.DisplayNameKey];

    public string Of(PermissionDefinition permission) => Localizer(permission.Group)[permission.DisplayNameKey];

    /// <summary>Whether the current culture has a text for the key (for tests and checks: a missing one shows the key).</summary>
    public bool IsTranslated(PermissionDefinition permission) => !Localizer(permission.Group)[permission.DisplayNameKey].ResourceNotFound;

    public bool IsTranslated(PermissionGroupDefinition group) => !Localizer(group)[group.DisplayNameKey].ResourceNotFound;

    private IStringLocalizer Localizer(PermissionGroupDefinition group)
        => localizers.Create(group.LocalizationResource ?? typeof(FrameworkResource));
}
