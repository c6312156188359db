using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Localization;
using RateMyModule.Framework.Permissions;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

/// <summary>Every text of every module exists in English and in Welsh, including the names admins see for permissions.</summary>
public sealed class LocalizationCoverageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public void Every_module_ships_the_same_keys_in_english_and_welsh()
    {
        var store = factory.Services.GetRequiredService<JsonLocalizationTextStore>();
        var resources = factory.Services.GetRequiredService<IOptions<JsonLocalizationOptions>>().Value.Resources;
        resources.Count.ShouldBeGreaterThanOrEqualTo(4);

        var problems = new List<string>();
        foreach (var resource in resources)
        {
            var english = store.GetTexts(resource, "en");
            var welsh = store.GetTexts(resource, "cy");
            english.ShouldNotBeEmpty(resource.Name);
            problems.AddRange(english.Keys.Where(k => !welsh.ContainsKey(k)).Select(k => $"{resource.Name}: '{k}' has no Welsh text"));
            problems.AddRange(welsh.Keys.Where(k => !english.ContainsKey(k)).Select(k => $"{resource.Name}: '{k}' has no English text"));
            problems.AddRange(welsh.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"{resource.Name}: '{t.Key}' is empty in Welsh"));
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("cy")]
    public void Every_permission_and_permission_group_has_a_display_name(string culture)
    {
        var definitions = factory.Services.GetRequiredService<PermissionDefinitionManager>();
        var names = factory.Services.GetRequiredService<PermissionDisplayNames>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var missing = definitions.Groups.Where(g => !names.IsTranslated(g)).Select(g => g.DisplayNameKey)
                .Concat(definitions.Permissions.Where(p => !names.IsTranslated(p)).Select(p => p.DisplayNameKey))
                .ToList();
            definitions.Permissions.Count.ShouldBeGreaterThanOrEqualTo(8);
            missing.ShouldBeEmpty(string.Join(", ", missing));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
