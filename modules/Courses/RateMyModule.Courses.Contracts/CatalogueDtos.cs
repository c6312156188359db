namespace RateMyModule.Courses;

public sealed record UniversityDto(Guid Id, string Name, string ShortName, string EmailDomain, DateOnly FoundedOn, bool IsArchived);

/// <param name="StudentType">The phrase shown next to a review, e.g. "a computer scientist".</param>
public sealed record CourseDto(Guid Id, Guid UniversityId, string Name, string StudentType, bool IsArchived);

public sealed record ModuleDto(
    Guid Id,
    Guid UniversityId,
    string Name,
    string Code,
    DateOnly StartedOn,
    IReadOnlyList<Guid> CourseIds,
    bool IsArchived);
