using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using RateMyModule.Courses.Application;

namespace RateMyModule.Courses.Web.Api;

/// <summary>
/// A JSON body whose required fields are nullable, so that a field left out is told apart from a default value
/// (a missing <c>startedOn</c> must not become 0001-01-01) and refused with a 400 naming it, as the form does.
/// </summary>
public interface ICatalogueRequest
{
    /// <summary>The JSON names of the required fields the client left out.</summary>
    IEnumerable<string> MissingFields();
}

public sealed record UniversityRequest(string? Name, string? ShortName, string? EmailDomain, DateOnly? FoundedOn, string? ConcurrencyStamp = null)
    : ICatalogueRequest
{
    public IEnumerable<string> MissingFields() => RequiredFields.Absent(("name", Name), ("shortName", ShortName), ("emailDomain", EmailDomain), ("foundedOn", FoundedOn));

    public UniversityInput ToInput() => new(Name!, ShortName!, EmailDomain!, FoundedOn!.Value, ConcurrencyStamp);
}

public sealed record CourseRequest(Guid? UniversityId, string? Name, string? StudentType, string? ConcurrencyStamp = null) : ICatalogueRequest
{
    public IEnumerable<string> MissingFields() => RequiredFields.Absent(("universityId", UniversityId), ("name", Name), ("studentType", StudentType));

    public CourseInput ToInput() => new(UniversityId!.Value, Name!, StudentType!, ConcurrencyStamp);
}

public sealed record ModuleRequest(
    Guid? UniversityId, string? Name, string? Code, DateOnly? StartedOn, IReadOnlyList<Guid>? CourseIds, string? ConcurrencyStamp = null)
    : ICatalogueRequest
{
    public IEnumerable<string> MissingFields() => RequiredFields.Absent(("universityId", UniversityId), ("name", Name), ("code", Code), ("startedOn", StartedOn), ("courseIds", CourseIds));

    public ModuleInput ToInput() => new(UniversityId!.Value, Name!, Code!, StartedOn!.Value, CourseIds!, ConcurrencyStamp);
}

internal static class RequiredFields
{
    public static IEnumerable<string> Absent(params (string Field, object? Value)[] fields) =>
        fields.Where(f => f.Value is null).Select(f => f.Field);
}

/// <summary>Answers 400 with one localized message per missing field before the endpoint runs.</summary>
public sealed class RequiredFieldsFilter(IStringLocalizer<CoursesResource> localizer) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var missing = context.Arguments.OfType<ICatalogueRequest>().SelectMany(r => r.MissingFields()).ToList();
        if (missing.Count > 0)
        {
            return Results.ValidationProblem(
                missing.ToDictionary(field => field, field => new[] { localizer["Api:Required", field].Value }),
                title: localizer["Api:RequiredTitle"]);
        }

        return await next(context);
    }
}
