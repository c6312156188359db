using RateMyModule.Framework.Auditing;

namespace RateMyModule.Courses.Application;

/// <summary>An item as an edit form needs it: its values and the stamp that detects a lost update.</summary>
public sealed record Editable<T>(T Item, string ConcurrencyStamp);

public sealed record UniversityInput(string Name, string ShortName, string EmailDomain, DateOnly FoundedOn, string? ConcurrencyStamp = null);

public sealed record UniversityListQuery(string? Search = null, bool? Archived = null, PageRequest? Page = null);

public sealed record UniversityListItem(UniversityDto University, int CourseCount, int ModuleCount, int StudentCount);

public sealed record CourseInput(Guid UniversityId, string Name, string StudentType, string? ConcurrencyStamp = null);

public sealed record CourseListQuery(Guid? UniversityId = null, string? Search = null, bool? Archived = null, PageRequest? Page = null);

public sealed record CourseListItem(CourseDto Course, string UniversityShortName, int ModuleCount, int StudentCount);

public sealed record ModuleInput(
    Guid UniversityId, string Name, string Code, DateOnly StartedOn, IReadOnlyList<Guid> CourseIds, string? ConcurrencyStamp = null);

public sealed record ModuleListQuery(
    Guid? UniversityId = null, Guid? CourseId = null, string? Search = null, bool? Archived = null, PageRequest? Page = null);

public sealed record ModuleListItem(
    ModuleDto Module, string UniversityShortName, IReadOnlyList<string> CourseNames, int ReviewCount, double? AverageOverall);

/// <summary>One saved change of an item, for its history tab.</summary>
public sealed record ChangeHistoryEntry(
    DateTimeOffset ChangeTime, string? UserName, string EntityType, EntityChangeType ChangeType, IReadOnlyList<PropertyChange> Changes);
