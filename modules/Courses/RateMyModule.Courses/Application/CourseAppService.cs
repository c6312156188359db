using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts;
using RateMyModule.Courses.Data;
using RateMyModule.Courses.Domain;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Events;

namespace RateMyModule.Courses.Application;

/// <summary>Courses for the admin site; everything needs ManageCatalogue and stays within the user's university.</summary>
public sealed class CourseAppService(
    CoursesDbContext db,
    CatalogueAccess access,
    CatalogueHistory history,
    IAccountLookup accounts,
    ILocalEventBus events)
{
    public static readonly IReadOnlyDictionary<string, SortColumn<Course>> Sorts = new Dictionary<string, SortColumn<Course>>(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = SortColumns.Text<Course>(c => c.Name),
        ["studentType"] = SortColumns.Text<Course>(c => c.StudentType),
    };

    public async Task<KeysetPage<CourseListItem>> GetListAsync(CourseListQuery query, CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireCatalogueAsync(cancellationToken);
        var page = query.Page ?? new PageRequest();
        var courses = db.Courses.AsNoTracking();
        if (query.UniversityId is { } requested)
        {
            // Asking for another university's items is answered like asking for a university that does not exist.
            scope.EnsureCovers(requested, nameof(University), requested);
        }

        if ((query.UniversityId ?? scope.UniversityId) is { } universityId)
        {
            courses = courses.Where(c => c.UniversityId == universityId);
        }

        if (TextSearch.Contains(query.Search) is { } pattern)
        {
            courses = courses.Where(c => EF.Functions.Like(c.Name, pattern, TextSearch.Escape) || EF.Functions.Like(c.StudentType, pattern, TextSearch.Escape));
        }

        if (query.Archived is { } archived)
        {
            courses = courses.Where(c => c.IsArchived == archived);
        }

        var sort = Sorts.GetValueOrDefault(page.Sort ?? "name") ?? Sorts["name"];
        var rows = await sort.Apply(courses, page.Descending, page.After).Take(page.Size + 1).ToListAsync(cancellationToken);
        var result = SortColumns.ToPage(rows, page.Size, sort);
        var ids = result.Items.Select(c => c.Id).ToList();
        var universityIds = result.Items.Select(c => c.UniversityId).Distinct().ToList();
        var shortNames = await db.Universities.AsNoTracking().Where(u => universityIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.ShortName, cancellationToken);
        var modules = await db.ModuleCourses.AsNoTracking().Where(mc => ids.Contains(mc.CourseId))
            .GroupBy(mc => mc.CourseId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var students = ids.Count == 0 ? new Dictionary<Guid, int>() : await accounts.CountStudentsByCourseAsync(ids, cancellationToken);
        var items = result.Items
            .Select(c => new CourseListItem(c.ToDto(), shortNames.GetValueOrDefault(c.UniversityId, ""), modules.GetValueOrDefault(c.Id), students.GetValueOrDefault(c.Id)))
            .ToList();
        return new KeysetPage<CourseListItem>(items, result.NextCursor);
    }

    /// <summary>The courses of a university (for a module's course checkboxes), by name.</summary>
    public async Task<IReadOnlyList<CourseDto>> GetOptionsAsync(Guid universityId, CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireCatalogueAsync(cancellationToken);
        scope.EnsureCovers(universityId, nameof(University), universityId);
        return (await db.Courses.AsNoTracking().Where(c => c.UniversityId == universityId).OrderBy(c => c.Name).ToListAsync(cancellationToken))
            .Select(c => c.ToDto()).ToList();
    }

    public async Task<Editable<CourseDto>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var course = await FindAsync(id, cancellationToken);
        return new Editable<CourseDto>(course.ToDto(), course.ConcurrencyStamp);
    }

    public async Task<Guid> CreateAsync(CourseInput input, CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireCatalogueAsync(cancellationToken);
        if (!scope.Covers(input.UniversityId) || !await db.Universities.AnyAsync(u => u.Id == input.UniversityId, cancellationToken))
        {
            throw new EntityNotFoundException(nameof(University), input.UniversityId);
        }

        var course = new Course(input.UniversityId, input.Name, input.StudentType);
        await EnsureUniqueAsync(course, cancellationToken);
        db.Courses.Add(course);
        await db.SaveChangesAsync(cancellationToken);
        return course.Id;
    }

    /// <summary>Name and student type; a course never moves to another university (its modules and students would not follow).</summary>
    public async Task UpdateAsync(Guid id, CourseInput input, CancellationToken cancellationToken = default)
    {
        var course = await FindAsync(id, cancellationToken);
        ConcurrencyStamps.Expect(db, course, input.ConcurrencyStamp);
        course.Update(input.Name, input.StudentType);
        await EnsureUniqueAsync(course, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ArchiveAsync(Guid id, string? concurrencyStamp, CancellationToken cancellationToken = default)
    {
        var course = await FindAsync(id, cancellationToken);
        ConcurrencyStamps.Expect(db, course, concurrencyStamp);
        course.Archive();
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new CourseArchivedEvent(course.Id, course.UniversityId), cancellationToken);
    }

    public async Task RestoreAsync(Guid id, string? concurrencyStamp, CancellationToken cancellationToken = default)
    {
        var course = await FindAsync(id, cancellationToken);
        ConcurrencyStamps.Expect(db, course, concurrencyStamp);
        course.Restore();
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new CourseRestoredEvent(course.Id, course.UniversityId), cancellationToken);
    }

    /// <summary>Refused while students are enrolled on it, or while it is the only course of a module.</summary>
    public async Task DeleteAsync(Guid id, string? concurrencyStamp, CancellationToken cancellationToken = default)
    {
        var course = await FindAsync(id, cancellationToken);
        ConcurrencyStamps.Expect(db, course, concurrencyStamp);
        var students = await accounts.CountStudentsByCourseAsync([id], cancellationToken);
        if (students.GetValueOrDefault(id) > 0)
        {
            throw new BusinessException(CatalogueErrorCodes.CourseHasStudents, "A course with enrolled students cannot be deleted; archive it instead.");
        }

        var orphaned = await db.ModuleCourses
            .Where(mc => mc.CourseId == id)
            .AnyAsync(mc => !db.ModuleCourses.Any(other => other.ModuleId == mc.ModuleId && other.CourseId != id), cancellationToken);
        if (orphaned)
        {
            throw new BusinessException(CatalogueErrorCodes.CourseIsLastOfModule, "This course is the only course of some modules; give them another course first.");
        }

        db.Courses.Remove(course);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ChangeHistoryEntry>> GetHistoryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await FindAsync(id, cancellationToken);
        return await history.GetAsync<Course>(id, cancellationToken);
    }

    private async Task<Course> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var scope = await access.RequireCatalogueAsync(cancellationToken);
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (course is null || !scope.Covers(course.UniversityId))
        {
            throw new EntityNotFoundException(nameof(Course), id);
        }

        return course;
    }

    private async Task EnsureUniqueAsync(Course course, CancellationToken cancellationToken)
    {
        if (await db.Courses.AnyAsync(c => c.Id != course.Id && c.UniversityId == course.UniversityId && c.Name == course.Name, cancellationToken))
        {
            throw new BusinessException(CatalogueErrorCodes.CourseNameTaken, "The university already has a course with this name.") { Field = "Name" };
        }
    }
}
