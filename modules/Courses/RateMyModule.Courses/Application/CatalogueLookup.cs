using Microsoft.EntityFrameworkCore;
using RateMyModule.Courses.Data;
using RateMyModule.Courses.Domain;

namespace RateMyModule.Courses.Application;

/// <summary>What other modules ask the catalogue. No authorization here: callers decide what their users may see.</summary>
public sealed class CatalogueLookup(CoursesDbContext db) : ICatalogueLookup
{
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

    public async Task<UniversityDto?> GetUniversityAsync(Guid universityId, CancellationToken cancellationToken = default)
        => (await db.Universities.AsNoTracking().FirstOrDefaultAsync(u => u.Id == universityId, cancellationToken))?.ToDto();

    public async Task<IReadOnlyList<UniversityDto>> GetUniversitiesAsync(CancellationToken cancellationToken = default)
        => (await db.Universities.AsNoTracking().OrderBy(u => u.Name).ToListAsync(cancellationToken)).Select(u => u.ToDto()).ToList();

    public async Task<IReadOnlyList<CourseDto>> GetCoursesOfUniversityAsync(Guid universityId, CancellationToken cancellationToken = default)
        => (await db.Courses.AsNoTracking().Where(c => c.UniversityId == universityId).OrderBy(c => c.Name).ToListAsync(cancellationToken))
            .Select(c => c.ToDto()).ToList();

    public async Task<IReadOnlyList<CourseDto>> GetCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default)
    {
        var ids = courseIds.ToList();
        return (await db.Courses.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name).ToListAsync(cancellationToken))
            .Select(c => c.ToDto()).ToList();
    }

    public async Task<IReadOnlyList<ModuleDto>> GetModulesOfCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default)
    {
        var ids = courseIds.ToList();
        return (await db.Modules.AsNoTracking()
                .Where(m => db.ModuleCourses.Any(mc => mc.ModuleId == m.Id && ids.Contains(mc.CourseId)))
                .OrderBy(m => m.Name).ThenBy(m => m.Id)
                .ToListAsync(cancellationToken))
            .Select(m => m.ToDto()).ToList();
    }

    public async Task<IReadOnlyList<ModuleDto>> GetModulesAsync(IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default)
    {
        var ids = moduleIds.ToList();
        return (await db.Modules.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Name).ToListAsync(cancellationToken))
            .Select(m => m.ToDto()).ToList();
    }

    public async Task<ModuleDto?> GetModuleAsync(Guid moduleId, CancellationToken cancellationToken = default)
        => (await db.Modules.AsNoTracking().FirstOrDefaultAsync(m => m.Id == moduleId, cancellationToken))?.ToDto();

    public async Task<ModuleDto?> FindModuleByCodeAsync(Guid universityId, string code, CancellationToken cancellationToken = default)
    {
        var normalized = CatalogueRulesOrNull(code);
        return normalized is null
            ? null
            : (await db.Modules.AsNoTracking().FirstOrDefaultAsync(m => m.UniversityId == universityId && m.Code == normalized, cancellationToken))?.ToDto();
    }

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
