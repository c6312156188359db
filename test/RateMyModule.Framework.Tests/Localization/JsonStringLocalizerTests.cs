using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Localization;

namespace RateMyModule.Framework.Tests.Localization;

public sealed class JsonStringLocalizerTests : IDisposable
{
    private readonly ServiceProvider _services = CatalogueLocalization.BuildServices();

    private IStringLocalizer<CatalogueResource> Catalogue => _services.GetRequiredService<IStringLocalizer<CatalogueResource>>();

    private IStringLocalizer<CatalogueWebResource> CatalogueWeb => _services.GetRequiredService<IStringLocalizer<CatalogueWebResource>>();

    public void Dispose() => _services.Dispose();

    [Theory]
    [InlineData("en", "Module")]
    [InlineData("cy", "Modiwl")]
    public void Looks_a_key_up_in_the_current_ui_culture(string culture, string expected)
    {
        using var _ = new CultureScope(culture);

        var text = Catalogue["Module"];

        text.Value.ShouldBe(expected);
        text.ResourceNotFound.ShouldBeFalse();
    }

    [Fact]
    public void An_exact_culture_wins_and_a_regional_culture_falls_back_to_its_language()
    {
        using var _ = new CultureScope("cy-GB");

        Catalogue["Colour"].Value.ShouldBe("Lliw (Prydain)");
        Catalogue["Module"].Value.ShouldBe("Modiwl");
    }

    [Fact]
    public void A_key_missing_in_welsh_falls_back_to_english()
    {
        using var _ = new CultureScope("cy");

        var text = Catalogue["OnlyInEnglish"];

        text.Value.ShouldBe("Only in English");
        text.ResourceNotFound.ShouldBeFalse();
    }

    [Fact]
    public void An_unsupported_culture_falls_back_to_english()
    {
        using var _ = new CultureScope("fr-FR");

        Catalogue["Module"].Value.ShouldBe("Module");
    }

    [Fact]
    public void A_key_missing_everywhere_comes_back_as_itself_marked_not_found()
    {
        using var _ = new CultureScope("cy");

        var text = Catalogue["Nowhere:ToBeFound"];

        text.Value.ShouldBe("Nowhere:ToBeFound");
        text.ResourceNotFound.ShouldBeTrue();
        text.SearchedLocation.ShouldBe(nameof(CatalogueResource));
    }

    [Fact]
    public void A_resource_falls_back_to_its_base_resource_and_then_to_the_shared_texts()
    {
        using var _ = new CultureScope("cy");

        CatalogueWeb["PageTitle"].Value.ShouldBe("Modiwlau");
        CatalogueWeb["Module"].Value.ShouldBe("Modiwl");
        CatalogueWeb["Cancel"].Value.ShouldBe("Canslo");
    }

    [Fact]
    public void Welsh_from_a_base_resource_beats_english_from_the_resource_itself()
    {
        // The catalogue overrides "Save" in English only; a Welsh reader should still get Welsh.
        using (new CultureScope("en"))
        {
            Catalogue["Save"].Value.ShouldBe("Save module");
        }

        using (new CultureScope("cy"))
        {
            Catalogue["Save"].Value.ShouldBe("Cadw");
        }
    }

    [Fact]
    public void Formats_arguments_into_the_text_of_the_culture()
    {
        using (new CultureScope("cy"))
        {
            Catalogue["ReviewCount", 3, "CS101"].Value.ShouldBe("3 adolygiad o CS101");
        }

        using (new CultureScope("en"))
        {
            Catalogue["ReviewCount", 1234.5, "CS101"].Value.ShouldBe("1234.5 reviews of CS101");
        }
    }

    [Fact]
    public void Formats_the_key_itself_when_no_text_is_found()
    {
        using var _ = new CultureScope("en");

        var text = Catalogue["Missing {0}", "thing"];

        text.Value.ShouldBe("Missing thing");
        text.ResourceNotFound.ShouldBeTrue();
    }

    [Fact]
    public void Lists_the_strings_of_the_culture_and_optionally_of_its_fallbacks()
    {
        using var _ = new CultureScope("cy");

        var own = CatalogueWeb.GetAllStrings(includeParentCultures: false).ToDictionary(s => s.Name, s => s.Value);
        own["PageTitle"].ShouldBe("Modiwlau");
        own["Module"].ShouldBe("Modiwl");
        own["Save"].ShouldBe("Cadw");
        own.ShouldNotContainKey("OnlyInEnglish");

        var all = CatalogueWeb.GetAllStrings(includeParentCultures: true).ToDictionary(s => s.Name, s => s.Value);
        all["OnlyInEnglish"].ShouldBe("Only in English");
        all["PageTitle"].ShouldBe("Modiwlau");
    }

    [Fact]
    public void The_shared_texts_are_real_welsh()
    {
        var shared = _services.GetRequiredService<IStringLocalizer<FrameworkResource>>();
        using var _ = new CultureScope("cy");

        shared["Save"].Value.ShouldBe("Cadw");
        shared["Cancel"].Value.ShouldBe("Canslo");
        shared["Delete"].Value.ShouldBe("Dileu");
        shared["Back"].Value.ShouldBe("Yn ôl");
        shared["Language"].Value.ShouldBe("Iaith");
        shared["Validation:Required", "Enw"].Value.ShouldBe("Mae angen y maes Enw.");
        shared["Framework:ConcurrencyConflict", "Y modiwl"].Value.ShouldStartWith("Mae rhywun arall wedi newid Y modiwl");
    }

    [Fact]
    public void English_and_welsh_shared_texts_have_the_same_keys()
    {
        var shared = _services.GetRequiredService<IStringLocalizer<FrameworkResource>>();
        HashSet<string> KeysIn(string culture)
        {
            using var _ = new CultureScope(culture);
            return shared.GetAllStrings(includeParentCultures: false).Select(s => s.Name).ToHashSet();
        }

        var english = KeysIn("en");
        var welsh = KeysIn("cy");

        english.ShouldContain("Framework:EntityNotFound");
        english.Except(welsh).ShouldBeEmpty("these shared texts have no Welsh");
        welsh.Except(english).ShouldBeEmpty("these Welsh texts have no English");
    }

    [Fact]
    public void Concurrent_first_lookups_in_different_cultures_each_get_their_own_text()
    {
        using var services = CatalogueLocalization.BuildServices();
        var localizer = services.GetRequiredService<IStringLocalizer<CatalogueResource>>();

        var results = Enumerable.Range(0, 64).AsParallel().Select(i =>
        {
            var culture = i % 2 == 0 ? "cy" : "en";
            using var _ = new CultureScope(culture);
            return (culture, text: localizer["Module"].Value);
        }).ToList();

        results.ShouldAllBe(r => r.text == (r.culture == "cy" ? "Modiwl" : "Module"));
    }
}
