namespace RateMyModule.Courses;

/// <summary>A module was archived: it stays visible to admins, keeps its reviews, and takes no new ones.</summary>
public sealed record ModuleArchivedEvent(Guid ModuleId, Guid UniversityId);

public sealed record ModuleRestoredEvent(Guid ModuleId, Guid UniversityId);

/// <summary>The set of courses that include a module changed (who may review it changes with it).</summary>
public sealed record ModuleCoursesChangedEvent(Guid ModuleId, IReadOnlyList<Guid> AddedCourseIds, IReadOnlyList<Guid> RemovedCourseIds);

public sealed record CourseArchivedEvent(Guid CourseId, Guid UniversityId);

public sealed record CourseRestoredEvent(Guid CourseId, Guid UniversityId);

/// <summary>A university was deleted (it had no courses left): published in the deleting transaction, before the row goes.</summary>
public sealed record UniversityDeletedEvent(Guid UniversityId);
