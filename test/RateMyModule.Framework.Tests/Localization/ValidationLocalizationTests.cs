using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RateMyModule.Framework.Tests.Localization;

/// <summary>Runs MVC's own model validation (what a Razor Page's ModelState gets) in each culture.</summary>
public sealed class ValidationLocalizationTests : IDisposable
{
    private readonly ServiceProvider _services = CatalogueLocalization.BuildServices(
        s => s.AddMvcCore().AddDataAnnotations(), validateOnBuild: false);

    public void Dispose() => _services.Dispose();

    [Fact]
    public void A_plain_required_attribute_reads_in_welsh_with_the_localized_display_name()
    {
        var errors = Validate(new ModuleForm { Rating = 3 }, "cy");

        errors["Name"].ShouldBe("Mae angen y maes Enw.");
    }

    [Fact]
    public void The_same_model_reads_in_english()
    {
        var errors = Validate(new ModuleForm { Rating = 3 }, "en");

        errors["Name"].ShouldBe("The Name field is required.");
    }

    [Fact]
    public void Length_and_email_messages_get_their_arguments()
    {
        var form = new ModuleForm { Name = "x", Code = "A", Email = "not-an-email", ConfirmEmail = "other", Rating = 3 };

        var errors = Validate(form, "cy");

        errors["Code"].ShouldBe("Rhaid i'r maes Code fod rhwng 2 a 6 nod o hyd.");
        errors["Email"].ShouldBe("Nid yw'r maes Email yn gyfeiriad e-bost dilys.");
        errors["ConfirmEmail"].ShouldBe("Nid yw ConfirmEmail a Email yn cyfateb.");
    }

    [Fact]
    public void A_message_key_the_model_names_is_looked_up_in_its_modules_resource()
    {
        var errors = Validate(new ModuleForm { Name = "x", Rating = 9 }, "cy");

        errors["Rating"].ShouldBe("Rhaid i'r sgôr fod rhwng 1 a 5.");
    }

    private Dictionary<string, string> Validate(object model, string culture)
    {
        using var _ = new CultureScope(culture);
        var actionContext = new ActionContext(
            new DefaultHttpContext { RequestServices = _services }, new RouteData(), new ActionDescriptor());
        _services.GetRequiredService<IObjectModelValidator>().Validate(actionContext, validationState: null, prefix: string.Empty, model);
        return actionContext.ModelState.Where(e => e.Value!.Errors.Count > 0)
            .ToDictionary(e => e.Key, e => e.Value!.Errors[0].ErrorMessage);
    }

    public sealed class ModuleForm
    {
        [Required]
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [StringLength(6, MinimumLength = 2)]
        public string? Code { get; set; }

        [EmailAddress]
        public string? Email { get; set; }

        [Compare(nameof(Email))]
        public string? ConfirmEmail { get; set; }

        [Range(1, 5, ErrorMessage = "RatingOutOfRange")]
        public int Rating { get; set; }
    }
}
