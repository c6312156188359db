namespace RateMyModule.Courses;

/// <summary>
/// What other modules may ask the catalogue. Batch methods take sets of ids so a caller rendering a page makes
/// one call, not one per row. Archived items are included (with <c>IsArchived</c>) so callers can decide.
/// </summary>
public interface ICatalogueLookup
{
    /// <summary>The university whose email domain is the given domain or a parent of it (<c>cs.bham.ac.uk</c> → <c>bham.ac.uk</c>).</summary>
    Task<UniversityDto?> FindUniversityByEmailDomainAsync(string emailDomain, CancellationToken cancellationToken = default);

    Task<UniversityDto?> GetUniversityAsync(Guid universityId, CancellationToken cancellationToken = default);

    /// <summary>The university whose short name is the slug of <see cref="CataloguePaths"/> (any case); a visible one first.</summary>
    Task<UniversityDto?> FindUniversityBySlugAsync(string slug, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<UniversityDto>> GetUniversitiesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CourseDto>> GetCoursesOfUniversityAsync(Guid universityId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CourseDto>> GetCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default);

    /// <summary>Every module included in at least one of the given courses.</summary>
    Task<IReadOnlyList<ModuleDto>> GetModulesOfCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ModuleDto>> GetModulesAsync(IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default);

    Task<ModuleDto?> GetModuleAsync(Guid moduleId, CancellationToken cancellationToken = default);

    Task<ModuleDto?> FindModuleByCodeAsync(Guid universityId, string code, CancellationToken cancellationToken = default);
}
