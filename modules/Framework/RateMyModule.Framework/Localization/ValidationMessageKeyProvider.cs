using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace RateMyModule.Framework.Localization;

/// <summary>
/// MVC localizes a validation attribute's message only when the attribute names one (its ErrorMessage becomes the
/// key). This gives every standard attribute that names none a key of the shared texts, so a plain
/// <c>[Required]</c> already reads "Mae angen y maes {0}." in Welsh.
/// </summary>
/// <remarks>
/// MVC reads the attributes once per model type and keeps these instances, so the key is set on MVC's own copies
/// only; <see cref="Validator"/> outside MVC still sees the framework's English default.
/// </remarks>
public sealed class ValidationMessageKeyProvider : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var attribute in context.Attributes.OfType<ValidationAttribute>())
        {
            var key = KeyOf(attribute);
            if (key is not null && !NamesItsOwnMessage(attribute))
            {
                attribute.ErrorMessage = key;
            }
        }
    }

    /// <summary>The shared-texts key of an attribute's default message; its arguments are those MVC's adapters pass.</summary>
    public static string? KeyOf(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "Validation:Required",
        StringLengthAttribute { MinimumLength: > 0 } => "Validation:StringLengthWithMinimum",
        StringLengthAttribute => "Validation:StringLength",
        RangeAttribute => "Validation:Range",
        MinLengthAttribute => "Validation:MinLength",
        MaxLengthAttribute => "Validation:MaxLength",
        RegularExpressionAttribute => "Validation:RegularExpression",
        CompareAttribute => "Validation:Compare",
        EmailAddressAttribute => "Validation:EmailAddress",
        PhoneAttribute => "Validation:Phone",
        UrlAttribute => "Validation:Url",
        _ => null,
    };

    private static bool NamesItsOwnMessage(ValidationAttribute attribute) =>
        attribute.ErrorMessageResourceName is not null
        || attribute.ErrorMessageResourceType is not null
        || (attribute.ErrorMessage is not null && attribute.ErrorMessage != BuiltInMessageOf(attribute));

    /// <summary>
    /// The data-type attributes report their built-in English message as ErrorMessage, so only a message that
    /// differs from it was chosen by the model.
    /// </summary>
    private static string? BuiltInMessageOf(ValidationAttribute attribute) => attribute switch
    {
        EmailAddressAttribute => new EmailAddressAttribute().ErrorMessage,
        PhoneAttribute => new PhoneAttribute().ErrorMessage,
        UrlAttribute => new UrlAttribute().ErrorMessage,
        _ => null,
    };
}
