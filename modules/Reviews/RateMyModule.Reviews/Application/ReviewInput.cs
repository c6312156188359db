using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Application;

/// <summary>What the review form sends. Nullable so a missing value is reported as such, not as a zero.</summary>
public sealed record ReviewInput(
    int? Overall,
    int? Difficulty,
    int? Assessment,
    int? Teaching,
    string? Text,
    int? AcademicYear,
    IReadOnlyList<string> TagNames,
    TagKind NewTagKind = TagKind.Other)
{
    /// <summary>"Java, recursion ,, Group project" → the distinct tidy names, in order.</summary>
    public static IReadOnlyList<string> SplitTags(string? tags) =>
        (tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Tag.Tidy)
            .Where(t => t.Length > 0)
            .DistinctBy(Tag.Normalize)
            .ToList();
}

/// <summary>One broken rule of a review form, for a field: a localization key and its arguments.</summary>
public sealed record ReviewFieldError(string Field, string Code, string Message, object[] Arguments);

/// <summary>Checks a review against every rule at once, so a form can show all its field errors together.</summary>
public static class ReviewInputValidator
{
    public static IReadOnlyList<ReviewFieldError> Validate(ReviewInput input, int firstYear, int lastYear)
    {
        var errors = new List<ReviewFieldError>();
        if (input.Overall is null)
        {
            errors.Add(new(nameof(ReviewInput.Overall), "Reviews:OverallRequired", "Choose an overall rating.", []));
        }

        CheckRating(errors, nameof(ReviewInput.Overall), input.Overall);
        CheckRating(errors, nameof(ReviewInput.Difficulty), input.Difficulty);
        CheckRating(errors, nameof(ReviewInput.Assessment), input.Assessment);
        CheckRating(errors, nameof(ReviewInput.Teaching), input.Teaching);

        var text = (input.Text ?? "").Trim();
        if (text.Length is > 0 and < ReviewLimits.TextMin || text.Length > ReviewLimits.TextMax)
        {
            errors.Add(new(nameof(ReviewInput.Text), "Reviews:TextLength", "Leave the text empty or write 3 to 5,000 characters.",
                [ReviewLimits.TextMin, ReviewLimits.TextMax]));
        }

        if (input.AcademicYear is not { } year || year < firstYear || year > lastYear)
        {
            errors.Add(new(nameof(ReviewInput.AcademicYear), "Reviews:AcademicYearRange", "Choose the academic year you started the module.",
                [AcademicYear.Label(firstYear), AcademicYear.Label(lastYear)]));
        }

        if (input.TagNames.Count > ReviewLimits.MaxTagsPerReview)
        {
            errors.Add(new("Tags", "Reviews:TooManyTags", "A review can have at most 10 tags.", [ReviewLimits.MaxTagsPerReview]));
        }
        else if (input.TagNames.Any(t => t.Length is < ReviewLimits.TagNameMin or > ReviewLimits.TagNameMax))
        {
            errors.Add(new("Tags", "Reviews:TagLength", "Each tag must be 1 to 40 characters.", [ReviewLimits.TagNameMin, ReviewLimits.TagNameMax]));
        }
        else if (input.TagNames.Select(Tag.Tidy).FirstOrDefault(t => !Tag.HasAllowedCharacters(t)) is { } bad)
        {
            errors.Add(new("Tags", "Reviews:TagCharacters", "A tag may contain only letters, digits, spaces and !?¿¡' +&()#-.", [bad]));
        }

        // An enum binds any integer; only a kind the site knows may be stored.
        if (!Enum.IsDefined(input.NewTagKind))
        {
            errors.Add(new(nameof(ReviewInput.NewTagKind), "Reviews:TagKindInvalid", "Choose one of the listed kinds for a new tag.", []));
        }

        return errors;
    }

    private static void CheckRating(List<ReviewFieldError> errors, string field, int? value)
    {
        if (value is { } v && (v < ReviewLimits.RatingMin || v > ReviewLimits.RatingMax))
        {
            errors.Add(new(field, "Reviews:RatingRange", "A rating is from 1 to 5.", [ReviewLimits.RatingMin, ReviewLimits.RatingMax]));
        }
    }
}
