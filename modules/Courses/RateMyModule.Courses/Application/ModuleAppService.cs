using Microsoft.EntityFrameworkCore;
using RateMyModule.Courses.Data;
using RateMyModule.Courses.Domain;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Events;
using RateMyModule.Reviews;

namespace RateMyModule.Courses.Application;

/// <summary>Modules for the admin site; everything needs ManageCatalogue and stays within the user's university.</summary>
public sealed class ModuleAppService(
    CoursesDbContext db,
    CatalogueAccess access,
    CatalogueHistory history,
    IReviewStatistics reviews,
    ILocalEventBus events)
{
    public static readonly IReadOnlyDictionary<string, SortColumn<Module>> Sorts = new Dictionary<string, SortColumn<Module>>(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = SortColumns.Text<Module>(m => m.Name),
        ["code"] = SortColumns.Text<Module>(m => m.Code),
        ["startedOn"] = SortColumns.Date<Module>(m => m.StartedOn),
    };

    public async Task<KeysetPage<ModuleListItem>> GetListAsync(ModuleListQuery query, CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireCatalogueAsync(cancellationToken);
        var page = query.Page ?? new PageRequest();
        var modules = db.Modules.AsNoTracking();
        if (query.UniversityId is { } requested)
        {
            // Asking for another university's items is answered like asking for a university that does not exist.
            scope.EnsureCovers(requested, nameof(University), requested);
        }

        if ((query.UniversityId ?? scope.UniversityId) is { } universityId)
        {
            modules = modules.Where(m => m.UniversityId == universityId);
        }

        if (query.CourseId is { } courseId)
        {
            modules = modules.Where(m => db.ModuleCourses.Any(mc => mc.ModuleId == m.Id && mc.CourseId == courseId));
        }

        if (TextSearch.Contains(query.Search) is { } pattern)
        {
            modules = modules.Where(m => EF.Functions.Like(m.Name, pattern, TextSearch.Escape) || EF.Functions.Like(m.Code, pattern, TextSearch.Escape));
        }

        if (query.Archived is { } archived)
        {
            modules = modules.Where(m => m.IsArchived == archived);
        }

        var sort = Sorts.GetValueOrDefault(page.Sort ?? "name") ?? Sorts["name"];
        var rows = await sort.Apply(modules, page.Descending, page.After).Take(page.Size + 1).ToListAsync(cancellationToken);
        var result = SortColumns.ToPage(rows, page.Size, sort);

        var courseIds = result.Items.SelectMany(m => m.Courses.Select(c => c.CourseId)).Distinct().ToList();
        var courseNames = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var universityIds = result.Items.Select(m => m.UniversityId).Distinct().ToList();
        var shortNames = await db.Universities.AsNoTracking().Where(u => universityIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.ShortName, cancellationToken);
        // One call for the whole page, never one per row.
        var summaries = result.Items.Count == 0
            ? new Dictionary<Guid, ModuleReviewSummary>()
            : await reviews.GetModuleSummariesAsync(result.Items.Select(m => m.Id).ToList(), cancellationToken);
        var items = result.Items.Select(m =>
        {
            var summary = summaries.GetValueOrDefault(m.Id);
            var names = m.Courses.Select(c => courseNames.GetValueOrDefault(c.CourseId, "")).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
            return new ModuleListItem(m.ToDto(), shortNames.GetValueOrDefault(m.UniversityId, ""), names, summary?.ReviewCount ?? 0, summary?.AverageOverall);
        }).ToList();
        return new KeysetPage<ModuleListItem>(items, result.NextCursor);
    }

    public async Task<Editable<ModuleDto>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var module = await FindAsync(id, cancellationToken);
        return new Editable<ModuleDto>(module.ToDto(), module.ConcurrencyStamp);
    }

    public async Task<Guid> CreateAsync(ModuleInput input, CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireCatalogueAsync(cancellationToken);
        if (!scope.Covers(input.UniversityId) || !await db.Universities.AnyAsync(u => u.Id == input.UniversityId, cancellationToken))
        {
            throw new EntityNotFoundException(nameof(University), input.UniversityId);
        }

        var module = new Module(input.UniversityId, input.Name, input.Code, input.StartedOn);
        await EnsureUniqueAsync(module, cancellationToken);
        var (added, _) = module.SetCourses(await LoadCoursesAsync(input.CourseIds, cancellationToken));
        db.Modules.Add(module);
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new ModuleCoursesChangedEvent(module.Id, added, []), cancellationToken);
        return module.Id;
    }

    /// <summary>Name, code, start date and courses; a module never moves to another university.</summary>
    public async Task UpdateAsync(Guid id, ModuleInput input, CancellationToken cancellationToken = default)
    {
        var module = await FindAsync(id, cancellationToken);
        ConcurrencyStamps.Expect(db, module, input.ConcurrencyStamp);
        module.Update(input.Name, input.Code, input.StartedOn);
        await EnsureUniqueAsync(module, cancellationToken);
        var (added, removed) = module.SetCourses(await LoadCoursesAsync(input.CourseIds, cancellationToken));
        if (added.Count > 0 || removed.Count > 0)
        {
            // The link rows are separate; touching the stamp makes a concurrent edit of only the courses a conflict too.
            db.Entry(module).Property(m => m.ConcurrencyStamp).IsModified = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (added.Count > 0 || removed.Count > 0)
        {
            await events.PublishAsync(new ModuleCoursesChangedEvent(module.Id, added, removed), cancellationToken);
        }
    }

    public async Task ArchiveAsync(Guid id, string? concurrencyStamp, CancellationToken cancellationToken = default)
    {
        var module = await FindAsync(id, cancellationToken);
        ConcurrencyStamps.Expect(db, module, concurrencyStamp);
        module.Archive();
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new ModuleArchivedEvent(module.Id, module.UniversityId), cancellationToken);
    }

    public async Task RestoreAsync(Guid id, string? concurrencyStamp, CancellationToken cancellationToken = default)
    {
        var module = await FindAsync(id, cancellationToken);
        ConcurrencyStamps.Expect(db, module, concurrencyStamp);
        module.Restore();
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new ModuleRestoredEvent(module.Id, module.UniversityId), cancellationToken);
    }

    /// <summary>Refused while the module has reviews: archive it instead, which keeps them.</summary>
    public async Task DeleteAsync(Guid id, string? concurrencyStamp, CancellationToken cancellationToken = default)
    {
        var module = await FindAsync(id, cancellationToken);
        ConcurrencyStamps.Expect(db, module, concurrencyStamp);
        var summaries = await reviews.GetModuleSummariesAsync([id], cancellationToken);
        if (summaries.GetValueOrDefault(id)?.ReviewCount > 0)
        {
            throw new BusinessException(CatalogueErrorCodes.ModuleHasReviews, "A module with reviews cannot be deleted; archive it instead.");
        }

        db.Modules.Remove(module);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ChangeHistoryEntry>> GetHistoryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await FindAsync(id, cancellationToken);
        return await history.GetAsync<Module>(id, cancellationToken);
    }

    private async Task<Module> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var scope = await access.RequireCatalogueAsync(cancellationToken);
        var module = await db.Modules.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (module is null || !scope.Covers(module.UniversityId))
        {
            throw new EntityNotFoundException(nameof(Module), id);
        }

        return module;
    }

    private async Task<IReadOnlyCollection<Course>> LoadCoursesAsync(IReadOnlyList<Guid>? courseIds, CancellationToken cancellationToken)
    {
        var ids = (courseIds ?? []).Distinct().ToList();
        var courses = await db.Courses.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        if (courses.Count != ids.Count)
        {
            // An unknown id is treated like one of another university: the set is not one university's courses.
            throw new BusinessException(CatalogueErrorCodes.ModuleCoursesOfOneUniversity, "All of a module's courses must belong to its university.")
            {
                Field = "CourseIds",
            };
        }

        return courses;
    }

    private async Task EnsureUniqueAsync(Module module, CancellationToken cancellationToken)
    {
        if (await db.Modules.AnyAsync(m => m.Id != module.Id && m.UniversityId == module.UniversityId && m.Code == module.Code, cancellationToken))
        {
            throw new BusinessException(CatalogueErrorCodes.ModuleCodeTaken, "The university already has a module with this code.") { Field = "Code" };
        }
    }
}
