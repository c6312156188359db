using RateMyModule.Courses;

namespace RateMyModule.Reviews.Tests.Fakes;

/// <summary>A test-only catalogue: two universities, a course each and the modules a test adds.</summary>
public sealed class TestCatalogue : ICatalogueLookup
{
    public static readonly Guid UniversityA = Guid.Parse("0a000000-0000-0000-0000-00000000000a");
    public static readonly Guid UniversityB = Guid.Parse("0b000000-0000-0000-0000-00000000000b");
    public static readonly Guid CourseA = Guid.Parse("0ca00000-0000-0000-0000-00000000000a");
    public static readonly Guid CourseB = Guid.Parse("0cb00000-0000-0000-0000-00000000000b");

    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, ModuleDto> _modules = [];

    public IReadOnlyList<UniversityDto> Universities { get; } =
    [
        new(UniversityA, "University of Aberdyfi", "UoA", "aberdyfi.ac.uk", new DateOnly(1900, 1, 1), false),
        new(UniversityB, "University of Bangor Isaf", "UoBI", "bangorisaf.ac.uk", new DateOnly(1920, 1, 1), false),
    ];

    public IReadOnlyList<CourseDto> Courses { get; } =
    [
        new(CourseA, UniversityA, "Computer Science", "a computer scientist", false),
        new(CourseB, UniversityB, "Mathematics", "a mathematician", false),
    ];

    /// <summary>The module page's address, as the site builds it.</summary>
    public static string PathOf(ModuleDto module) => CataloguePaths.Module(module.UniversityId == UniversityA ? "UoA" : "UoBI", module.Code);

    public ModuleDto AddModule(Guid universityId, string name = "Software Engineering", DateOnly? startedOn = null, bool archived = false)
    {
        var course = Courses.First(c => c.UniversityId == universityId);
        var module = new ModuleDto(Guid.NewGuid(), universityId, name, "M" + Guid.NewGuid().ToString("N")[..6], startedOn ?? new DateOnly(2019, 9, 1), [course.Id], archived);
        lock (_lock)
        {
            _modules[module.Id] = module;
        }

        return module;
    }

    public void Replace(ModuleDto module)
    {
        lock (_lock)
        {
            _modules[module.Id] = module;
        }
    }

    public Task<UniversityDto?> FindUniversityByEmailDomainAsync(string emailDomain, CancellationToken cancellationToken = default) =>
        Task.FromResult(Universities.FirstOrDefault(u => emailDomain.EndsWith(u.EmailDomain, StringComparison.OrdinalIgnoreCase)));

    public Task<UniversityDto?> GetUniversityAsync(Guid universityId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Universities.FirstOrDefault(u => u.Id == universityId));

    public Task<UniversityDto?> FindUniversityBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        Task.FromResult(Universities.FirstOrDefault(u => string.Equals(u.ShortName, slug, StringComparison.OrdinalIgnoreCase)));

    public Task<IReadOnlyList<UniversityDto>> GetUniversitiesAsync(CancellationToken cancellationToken = default) => Task.FromResult(Universities);

    public Task<IReadOnlyList<CourseDto>> GetCoursesOfUniversityAsync(Guid universityId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CourseDto>>(Courses.Where(c => c.UniversityId == universityId).ToList());

    public Task<IReadOnlyList<CourseDto>> GetCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CourseDto>>(Courses.Where(c => courseIds.Contains(c.Id)).ToList());

    public Task<IReadOnlyList<ModuleDto>> GetModulesOfCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ModuleDto>>(_modules.Values.Where(m => m.CourseIds.Any(courseIds.Contains)).ToList());
        }
    }

    public Task<IReadOnlyList<ModuleDto>> GetModulesAsync(IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ModuleDto>>(_modules.Values.Where(m => moduleIds.Contains(m.Id)).ToList());
        }
    }

    public Task<ModuleDto?> GetModuleAsync(Guid moduleId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_modules.GetValueOrDefault(moduleId));
        }
    }

    public Task<ModuleDto?> FindModuleByCodeAsync(Guid universityId, string code, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_modules.Values.FirstOrDefault(m => m.UniversityId == universityId && m.Code == code));
        }
    }
}
