using Microsoft.EntityFrameworkCore;
using RateMyModule.Courses.Data;

namespace RateMyModule.Courses.Application;

/// <summary>A university with its visible courses and modules (a module lists the courses it is part of).</summary>
public sealed record UniversityCatalogue(UniversityDto University, IReadOnlyList<CourseDto> Courses, IReadOnlyList<ModuleDto> Modules);

public sealed record ModuleSuggestion(Guid Id, string Name, string Code, string UniversityShortName);

/// <summary>
/// What visitors see: archived universities, courses and modules are hidden. Review figures come from the
/// Reviews module's Contracts, asked by the pages in one batch each.
/// </summary>
public sealed class CatalogueBrowser(CoursesDbContext db)
{
    public const int MaxSuggestions = 10;

    public async Task<IReadOnlyList<UniversityDto>> GetUniversitiesAsync(CancellationToken cancellationToken = default)
        => (await db.Universities.AsNoTracking().Where(u => !u.IsArchived).OrderBy(u => u.Name).ToListAsync(cancellationToken))
            .Select(u => u.ToDto()).ToList();

    public async Task<UniversityDto?> FindUniversityAsync(Guid id, CancellationToken cancellationToken = default)
        => (await db.Universities.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && !u.IsArchived, cancellationToken))?.ToDto();

    /// <summary>A visible university's visible courses and modules, by name: what its page groups and ranks.</summary>
    public async Task<UniversityCatalogue?> GetUniversityCatalogueAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var university = await FindUniversityAsync(id, cancellationToken);
        if (university is null)
        {
            return null;
        }

        var courses = await db.Courses.AsNoTracking().Where(c => c.UniversityId == id && !c.IsArchived).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var modules = await db.Modules.AsNoTracking().Where(m => m.UniversityId == id && !m.IsArchived).OrderBy(m => m.Name).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        return new UniversityCatalogue(university, courses.Select(c => c.ToDto()).ToList(), modules.Select(m => m.ToDto()).ToList());
    }

    /// <summary>Modules whose name or code contains the text, by name, optionally of one university.</summary>
    public async Task<IReadOnlyList<ModuleSuggestion>> SearchModulesAsync(string? text, Guid? universityId, int limit = MaxSuggestions, CancellationToken cancellationToken = default)
    {
        if (TextSearch.Contains(text) is not { } pattern)
        {
            return [];
        }

        var modules = db.Modules.AsNoTracking().Where(m => !m.IsArchived
            && (EF.Functions.Like(m.Name, pattern, TextSearch.Escape) || EF.Functions.Like(m.Code, pattern, TextSearch.Escape)));
        if (universityId is { } id)
        {
            modules = modules.Where(m => m.UniversityId == id);
        }

        var rows = await modules
            .Join(db.Universities.Where(u => !u.IsArchived), m => m.UniversityId, u => u.Id, (m, u) => new { m.Id, m.Name, m.Code, u.ShortName })
            .OrderBy(x => x.Name).ThenBy(x => x.Id)
            .Take(Math.Clamp(limit, 1, 50))
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ModuleSuggestion(r.Id, r.Name, r.Code, r.ShortName)).ToList();
    }

    /// <summary>Visible courses, by name, optionally of one university and containing a text.</summary>
    public async Task<IReadOnlyList<CourseDto>> GetCoursesAsync(Guid? universityId, string? text, CancellationToken cancellationToken = default)
    {
        var courses = db.Courses.AsNoTracking().Where(c => !c.IsArchived && db.Universities.Any(u => u.Id == c.UniversityId && !u.IsArchived));
        if (universityId is { } id)
        {
            courses = courses.Where(c => c.UniversityId == id);
        }

        if (TextSearch.Contains(text) is { } pattern)
        {
            courses = courses.Where(c => EF.Functions.Like(c.Name, pattern, TextSearch.Escape));
        }

        return (await courses.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(500).ToListAsync(cancellationToken)).Select(c => c.ToDto()).ToList();
    }

    /// <summary>Visible modules in keyset pages by name, filtered by university, course and text.</summary>
    public async Task<KeysetPage<ModuleDto>> GetModulesAsync(
        Guid? universityId, Guid? courseId, string? text, PageRequest page, CancellationToken cancellationToken = default)
    {
        var modules = db.Modules.AsNoTracking().Where(m => !m.IsArchived && db.Universities.Any(u => u.Id == m.UniversityId && !u.IsArchived));
        if (universityId is { } id)
        {
            modules = modules.Where(m => m.UniversityId == id);
        }

        if (courseId is { } course)
        {
            modules = modules.Where(m => db.ModuleCourses.Any(mc => mc.ModuleId == m.Id && mc.CourseId == course));
        }

        if (TextSearch.Contains(text) is { } pattern)
        {
            modules = modules.Where(m => EF.Functions.Like(m.Name, pattern, TextSearch.Escape) || EF.Functions.Like(m.Code, pattern, TextSearch.Escape));
        }

        var sort = ModuleAppService.Sorts["name"];
        var rows = await sort.Apply(modules, page.Descending, page.After).Take(page.Size + 1).ToListAsync(cancellationToken);
        var result = SortColumns.ToPage(rows, page.Size, sort);
        return new KeysetPage<ModuleDto>(result.Items.Select(m => m.ToDto()).ToList(), result.NextCursor);
    }

    public async Task<CourseDto?> FindCourseAsync(Guid id, CancellationToken cancellationToken = default)
        => (await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && !c.IsArchived, cancellationToken))?.ToDto();

    public async Task<ModuleDto?> FindModuleAsync(Guid id, CancellationToken cancellationToken = default)
        => (await db.Modules.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && !m.IsArchived, cancellationToken))?.ToDto();
}
