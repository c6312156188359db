using System.Text.RegularExpressions;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Domain;

/// <summary>The field rules of the catalogue (the reference's lengths and characters); each returns the normalized value.</summary>
public static partial class CatalogueRules
{
    public static string UniversityName(string? value)
    {
        var name = Length(value, CatalogueLimits.UniversityNameMin, CatalogueLimits.UniversityNameMax, CatalogueErrorCodes.UniversityNameLength, "Name");
        if (!UniversityNamePattern().IsMatch(name))
        {
            throw Error(CatalogueErrorCodes.UniversityNameCharacters, "Name", "A university name may contain only letters, spaces and !?¿¡'&()-.");
        }

        return name;
    }

    public static string ShortName(string? value)
        => Length(value, CatalogueLimits.ShortNameMin, CatalogueLimits.ShortNameMax, CatalogueErrorCodes.ShortNameLength, "ShortName");

    /// <summary>Lower-cased, without a leading "@"; at least two labels of letters, digits and inner hyphens.</summary>
    public static string EmailDomain(string? value)
    {
        var domain = (value ?? "").Trim().TrimStart('@').ToLowerInvariant();
        if (domain.Length == 0 || domain.Length > CatalogueLimits.EmailDomainMax || !DomainPattern().IsMatch(domain))
        {
            throw Error(CatalogueErrorCodes.EmailDomainInvalid, "EmailDomain", "The email domain must be a valid domain name such as bham.ac.uk.");
        }

        return domain;
    }

    public static DateOnly FoundedOn(DateOnly value, DateOnly today)
        => value > today
            ? throw Error(CatalogueErrorCodes.FoundedInFuture, "FoundedOn", "The founding date cannot be in the future.")
            : value;

    public static string CourseName(string? value)
        => Length(value, CatalogueLimits.CourseNameMin, CatalogueLimits.CourseNameMax, CatalogueErrorCodes.CourseNameLength, "Name");

    public static string StudentType(string? value)
        => Length(value, 3, CatalogueLimits.StudentTypeMax, CatalogueErrorCodes.StudentTypeLength, "StudentType");

    public static string ModuleName(string? value)
        => Length(value, CatalogueLimits.ModuleNameMin, CatalogueLimits.ModuleNameMax, CatalogueErrorCodes.ModuleNameLength, "Name");

    public static string ModuleCode(string? value)
        => Length(value, 1, CatalogueLimits.ModuleCodeMax, CatalogueErrorCodes.ModuleCodeLength, "Code");

    private static string Length(string? value, int min, int max, string code, string field)
    {
        // Inner runs of white space collapse too: "Computer  Science" and "Computer Science" are one name.
        var text = WhiteSpace().Replace((value ?? "").Trim(), " ");
        if (text.Length < min || text.Length > max)
        {
            throw new BusinessException(code, $"{field} must be {min} to {max} characters long.", min, max) { Field = field };
        }

        return text;
    }

    private static BusinessException Error(string code, string field, string message) => new(code, message) { Field = field };

    [GeneratedRegex(@"^[\p{L}!?¿¡' &()\-]+$")]
    private static partial Regex UniversityNamePattern();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
