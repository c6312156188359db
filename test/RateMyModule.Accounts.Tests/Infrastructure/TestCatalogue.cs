using RateMyModule.Courses;

namespace RateMyModule.Accounts.Tests.Infrastructure;

/// <summary>The catalogue the Accounts tests need (the real one arrives with the Courses module): two universities, a few courses.</summary>
public sealed class TestCatalogue : ICatalogueLookup
{
    public static readonly UniversityDto Birmingham = new(Guid.Parse("11111111-0000-0000-0000-000000000001"), "University of Birmingham", "UoB", "bham.ac.uk", new DateOnly(1900, 1, 1), false);
    public static readonly UniversityDto Cardiff = new(Guid.Parse("11111111-0000-0000-0000-000000000002"), "Cardiff University", "CU", "cardiff.ac.uk", new DateOnly(1883, 1, 1), false);

    public static readonly CourseDto ComputerScience = new(Guid.Parse("22222222-0000-0000-0000-000000000001"), Birmingham.Id, "Computer Science", "a computer scientist", false);
    public static readonly CourseDto Mathematics = new(Guid.Parse("22222222-0000-0000-0000-000000000002"), Birmingham.Id, "Mathematics", "a mathematician", false);
    public static readonly CourseDto Physics = new(Guid.Parse("22222222-0000-0000-0000-000000000003"), Birmingham.Id, "Physics", "a physicist", false);
    public static readonly CourseDto Welsh = new(Guid.Parse("22222222-0000-0000-0000-000000000004"), Cardiff.Id, "Welsh", "a Welsh scholar", false);

    public static readonly ModuleDto Algorithms = new(Guid.Parse("33333333-0000-0000-0000-000000000001"), Birmingham.Id, "Algorithms", "CS101", new DateOnly(2020, 9, 1), [ComputerScience.Id, Mathematics.Id], false);
    public static readonly ModuleDto Optics = new(Guid.Parse("33333333-0000-0000-0000-000000000002"), Birmingham.Id, "Optics", "PH201", new DateOnly(2020, 9, 1), [Physics.Id], false);

    private static readonly UniversityDto[] Universities = [Birmingham, Cardiff];
    private static readonly CourseDto[] AllCourses = [ComputerScience, Mathematics, Physics, Welsh];
    private static readonly ModuleDto[] Modules = [Algorithms, Optics];

    public Task<UniversityDto?> FindUniversityByEmailDomainAsync(string emailDomain, CancellationToken cancellationToken = default)
        => Task.FromResult(Universities.FirstOrDefault(u => emailDomain == u.EmailDomain || emailDomain.EndsWith("." + u.EmailDomain, StringComparison.Ordinal)));

    public Task<UniversityDto?> GetUniversityAsync(Guid universityId, CancellationToken cancellationToken = default)
        => Task.FromResult(Universities.FirstOrDefault(u => u.Id == universityId));

    public Task<UniversityDto?> FindUniversityBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        Task.FromResult(Universities.FirstOrDefault(u => string.Equals(u.ShortName, slug, StringComparison.OrdinalIgnoreCase)));

    public Task<IReadOnlyList<UniversityDto>> GetUniversitiesAsync(CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<UniversityDto>>(Universities);

    public Task<IReadOnlyList<CourseDto>> GetCoursesOfUniversityAsync(Guid universityId, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<CourseDto>>(AllCourses.Where(c => c.UniversityId == universityId).ToList());

    public Task<IReadOnlyList<CourseDto>> GetCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<CourseDto>>(AllCourses.Where(c => courseIds.Contains(c.Id)).ToList());

    public Task<IReadOnlyList<ModuleDto>> GetModulesOfCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<ModuleDto>>(Modules.Where(m => m.CourseIds.Any(courseIds.Contains)).ToList());

    public Task<IReadOnlyList<ModuleDto>> GetModulesAsync(IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<ModuleDto>>(Modules.Where(m => moduleIds.Contains(m.Id)).ToList());

    public Task<ModuleDto?> GetModuleAsync(Guid moduleId, CancellationToken cancellationToken = default)
        => Task.FromResult(Modules.FirstOrDefault(m => m.Id == moduleId));

    public Task<ModuleDto?> FindModuleByCodeAsync(Guid universityId, string code, CancellationToken cancellationToken = default)
        => Task.FromResult(Modules.FirstOrDefault(m => m.UniversityId == universityId && m.Code == code));
}
