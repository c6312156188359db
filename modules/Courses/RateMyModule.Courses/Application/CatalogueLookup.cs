using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses.Data;
using RateMyModule.Courses.Domain;
using RateMyModule.Framework.Caching;

namespace RateMyModule.Courses.Application;

/// <summary>
/// What other modules ask the catalogue. No authorization here: callers decide what their users may see. The
/// catalogue changes rarely and every page asks it, so answers come from the <see cref="DataCache"/> until a
/// catalogue change commits.
/// </summary>
public sealed class CatalogueLookup(IServiceProvider services, DataCache cache) : ICatalogueLookup
{
    private CoursesDbContext? _db;

    // Resolved on first use: a request the cache answers opens no connection.
    private CoursesDbContext db => _db ??= services.GetRequiredService<CoursesDbContext>();

    public async Task<UniversityDto?> FindUniversityByEmailDomainAsync(string emailDomain, CancellationToken cancellationToken = default)
    {
        var domain = (emailDomain ?? "").Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();
        if (domain.Length == 0)
        {
            return null;
        }

        // The domain itself and each parent ("cs.bham.ac.uk", "bham.ac.uk", "ac.uk", "uk"): whole labels only,
        // so "xbham.ac.uk" never matches "bham.ac.uk". The longest registered one wins.
        var labels = domain.Split('.');
        var candidates = Enumerable.Range(0, labels.Length).Select(i => string.Join('.', labels[i..])).ToList();
        var matches = await db.Universities.AsNoTracking().Where(u => candidates.Contains(u.EmailDomain)).ToListAsync(cancellationToken);
        return matches.OrderByDescending(u => u.EmailDomain.Length).FirstOrDefault()?.ToDto();
    }

    public Task<UniversityDto?> GetUniversityAsync(Guid universityId, CancellationToken cancellationToken = default)
        => cache.GetOrReadAsync(Key($"university:{universityId}"), async ct =>
            (await db.Universities.AsNoTracking().FirstOrDefaultAsync(u => u.Id == universityId, ct))?.ToDto(), cancellationToken);

    public Task<UniversityDto?> FindUniversityBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        var shortName = (slug ?? "").Trim();
        if (shortName.Length is < CatalogueLimits.ShortNameMin or > CatalogueLimits.ShortNameMax)
        {
            return Task.FromResult<UniversityDto?>(null);
        }

        // The column is NOCASE, so "aber" finds "Aber". Short names are unique; a visible one wins over an archived
        // one for data older than that rule.
        return cache.GetOrReadAsync(Key($"university-slug:{shortName.ToLowerInvariant()}"), async ct =>
            (await db.Universities.AsNoTracking().Where(u => u.ShortName == shortName)
                .OrderBy(u => u.IsArchived).ThenBy(u => u.Id).FirstOrDefaultAsync(ct))?.ToDto(), cancellationToken);
    }

    public Task<IReadOnlyList<UniversityDto>> GetUniversitiesAsync(CancellationToken cancellationToken = default)
        => cache.GetOrReadAsync<IReadOnlyList<UniversityDto>>(Key("universities"), async ct =>
            (await db.Universities.AsNoTracking().OrderBy(u => u.Name).ToListAsync(ct)).Select(u => u.ToDto()).ToList(), cancellationToken);

    public Task<IReadOnlyList<CourseDto>> GetCoursesOfUniversityAsync(Guid universityId, CancellationToken cancellationToken = default)
        => cache.GetOrReadAsync<IReadOnlyList<CourseDto>>(Key($"courses-of:{universityId}"), async ct =>
            (await db.Courses.AsNoTracking().Where(c => c.UniversityId == universityId).OrderBy(c => c.Name).ToListAsync(ct))
                .Select(c => c.ToDto()).ToList(), cancellationToken);

    public Task<IReadOnlyList<CourseDto>> GetCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default)
    {
        var ids = courseIds.Distinct().Order().ToList();
        return cache.GetOrReadAsync<IReadOnlyList<CourseDto>>(Key($"courses:{string.Join(',', ids)}"), async ct =>
            (await db.Courses.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name).ToListAsync(ct))
                .Select(c => c.ToDto()).ToList(), cancellationToken);
    }

    public Task<IReadOnlyList<ModuleDto>> GetModulesOfCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default)
    {
        // Cached: the home page asks it for a university's or a student's courses on every render.
        var ids = courseIds.Distinct().Order().ToList();
        return cache.GetOrReadAsync<IReadOnlyList<ModuleDto>>(Key($"modules-of:{string.Join(',', ids)}"), async ct =>
            (await db.Modules.AsNoTracking()
                    .Where(m => db.ModuleCourses.Any(mc => mc.ModuleId == m.Id && ids.Contains(mc.CourseId)))
                    .OrderBy(m => m.Name).ThenBy(m => m.Id)
                    .ToListAsync(ct))
                .Select(m => m.ToDto()).ToList(), cancellationToken);
    }

    public async Task<IReadOnlyList<ModuleDto>> GetModulesAsync(IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default)
    {
        var ids = moduleIds.ToList();
        return (await db.Modules.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Name).ToListAsync(cancellationToken))
            .Select(m => m.ToDto()).ToList();
    }

    public Task<ModuleDto?> GetModuleAsync(Guid moduleId, CancellationToken cancellationToken = default)
        => cache.GetOrReadAsync(Key($"module:{moduleId}"), async ct =>
            (await db.Modules.AsNoTracking().FirstOrDefaultAsync(m => m.Id == moduleId, ct))?.ToDto(), cancellationToken);

    public Task<ModuleDto?> FindModuleByCodeAsync(Guid universityId, string code, CancellationToken cancellationToken = default)
    {
        // Cached: the module page finds its module by code on every render.
        var normalized = CatalogueRulesOrNull(code);
        return normalized is null
            ? Task.FromResult<ModuleDto?>(null)
            : cache.GetOrReadAsync(Key($"module-code:{universityId}:{normalized.ToUpperInvariant()}"), async ct =>
                (await db.Modules.AsNoTracking().FirstOrDefaultAsync(m => m.UniversityId == universityId && m.Code == normalized, ct))?.ToDto(), cancellationToken);
    }

    private static DataCacheKey Key(string name) => DataCacheKey.For<CoursesDbContext>("catalogue:" + name);

    private static string? CatalogueRulesOrNull(string code)
    {
        try
        {
            return CatalogueRules.ModuleCode(code);
        }
        catch (RateMyModule.Framework.Data.BusinessException)
        {
            return null;
        }
    }
}
