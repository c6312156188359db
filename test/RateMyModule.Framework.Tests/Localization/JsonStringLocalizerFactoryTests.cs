using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Localization;
using RateMyModule.TestBase;

namespace RateMyModule.Framework.Tests.Localization;

public sealed class JsonStringLocalizerFactoryTests
{
    [Fact]
    public void Replaces_the_resource_manager_factory_even_when_add_localization_runs_later()
    {
        // MVC's AddViewLocalization() calls AddLocalization() again, after the modules have registered theirs.
        using var services = CatalogueLocalization.BuildServices(s => s.AddLocalization());

        services.GetRequiredService<IStringLocalizerFactory>().ShouldBeOfType<JsonStringLocalizerFactory>();
    }

    [Fact]
    public void Adding_framework_localization_twice_registers_the_shared_texts_once()
    {
        using var services = CatalogueLocalization.BuildServices(s => s.AddFrameworkLocalization());
        using var _ = new CultureScope("cy");

        services.GetRequiredService<IStringLocalizer<FrameworkResource>>()["Save"].Value.ShouldBe("Cadw");
    }

    [Fact]
    public void A_type_that_is_not_a_marker_gets_the_resource_of_its_assembly()
    {
        using var services = CatalogueLocalization.BuildServices();
        var factory = services.GetRequiredService<IStringLocalizerFactory>();
        using var _ = new CultureScope("cy");

        factory.Create(typeof(JsonStringLocalizerFactoryTests))["Module"].Value.ShouldBe("Modiwl");
    }

    [Fact]
    public void A_type_of_an_assembly_without_a_resource_gets_the_shared_texts()
    {
        using var services = CatalogueLocalization.BuildServices();
        var factory = services.GetRequiredService<IStringLocalizerFactory>();
        using var _ = new CultureScope("cy");

        var localizer = factory.Create(typeof(string));

        localizer["Cancel"].Value.ShouldBe("Canslo");
        localizer["Module"].ResourceNotFound.ShouldBeTrue();
    }

    [Fact]
    public void A_view_location_names_the_assembly_whose_resource_answers()
    {
        using var services = CatalogueLocalization.BuildServices();
        var factory = services.GetRequiredService<IStringLocalizerFactory>();
        using var _ = new CultureScope("cy");

        var assemblyName = typeof(CatalogueResource).Assembly.GetName().Name!;
        factory.Create($"{assemblyName}.Pages.Modules.Index", assemblyName)["Module"].Value.ShouldBe("Modiwl");
        factory.Create("Some.Host.Pages.Index", "Some.Host")["Search"].Value.ShouldBe("Chwilio");
    }

    [Fact]
    public void A_base_resource_that_is_not_registered_is_refused_at_start()
    {
        using var services = CatalogueLocalization.BuildServices(s =>
            s.AddJsonLocalizationResource<OrphanResource>(typeof(OrphanResource).Assembly, baseResource: typeof(UnregisteredResource)));

        var error = Should.Throw<InvalidOperationException>(() => services.GetRequiredService<IStringLocalizerFactory>());

        error.Message.ShouldContain(nameof(UnregisteredResource));
    }

    [Fact]
    public void Base_resources_that_fall_back_in_a_circle_are_refused_at_start()
    {
        using var services = CatalogueLocalization.BuildServices(s => s
            .AddJsonLocalizationResource<OrphanResource>(typeof(OrphanResource).Assembly, baseResource: typeof(UnregisteredResource))
            .AddJsonLocalizationResource<UnregisteredResource>(typeof(OrphanResource).Assembly, baseResource: typeof(OrphanResource)));

        var error = Should.Throw<InvalidOperationException>(() => services.GetRequiredService<IStringLocalizerFactory>());

        error.Message.ShouldContain("circle");
    }

    [Fact]
    public void A_resource_without_json_files_says_where_it_looked()
    {
        using var services = CatalogueLocalization.BuildServices(s =>
            s.AddJsonLocalizationResource<OrphanResource>(typeof(OrphanResource).Assembly, resourcePath: "Localization/Nowhere"));
        var localizer = services.GetRequiredService<IStringLocalizer<OrphanResource>>();

        var error = Should.Throw<InvalidOperationException>(() => localizer["Anything"]);

        error.Message.ShouldContain("Localization/Nowhere");
    }

    [Fact]
    public async Task The_framework_module_registers_localization_for_every_module()
    {
        await using var host = await ModuleTestHost.StartAsync<FrameworkModule>();
        using var _ = new CultureScope("cy");

        var localizer = host.Services.GetRequiredService<IStringLocalizer<FrameworkResource>>();

        localizer["Save"].Value.ShouldBe("Cadw");
        localizer["Framework:EntityNotFound", "modiwl", 7].Value.ShouldBe("Nid oes modiwl â'r dynodydd 7.");
    }

    public sealed class OrphanResource;

    public sealed class UnregisteredResource;
}
