using Microsoft.EntityFrameworkCore;
using RateMyModule.Courses.Data;
using RateMyModule.Courses.Domain;
using RateMyModule.Framework.Events;

namespace RateMyModule.Courses.Import;

/// <summary>Compares planned courses and modules with a university's catalogue, and (when asked) makes them match.</summary>
public sealed class CatalogueImportApplier(CoursesDbContext db, ILocalEventBus events)
{
    public async Task<ImportCounts> ApplyAsync(
        Guid universityId, IReadOnlyCollection<PlannedCourse> courses, IReadOnlyCollection<PlannedModule> modules, bool write, CancellationToken cancellationToken)
    {
        int created = 0, updated = 0, unchanged = 0;
        var existingCourses = (await db.Courses.Where(c => c.UniversityId == universityId).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var planned in courses)
        {
            if (!existingCourses.TryGetValue(planned.Name, out var course))
            {
                created++;
                if (write)
                {
                    course = new Course(universityId, planned.Name, planned.StudentType);
                    db.Courses.Add(course);
                    existingCourses[planned.Name] = course;
                }
            }
            else if (course.StudentType != planned.StudentType)
            {
                updated++;
                if (write)
                {
                    course.Update(course.Name, planned.StudentType);
                }
            }
            else
            {
                unchanged++;
            }
        }

        var existingModules = (await db.Modules.Where(m => m.UniversityId == universityId).ToListAsync(cancellationToken))
            .ToDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase);
        var changes = new List<ModuleCoursesChangedEvent>();
        foreach (var planned in modules)
        {
            existingModules.TryGetValue(planned.Code, out var module);
            var courseIds = planned.CourseNames.Select(n => existingCourses.GetValueOrDefault(n)?.Id).ToList();
            if (module is null)
            {
                created++;
                if (write)
                {
                    module = new Module(universityId, planned.Name, planned.Code, planned.StartedOn);
                    var (added, _) = module.SetCourses(planned.CourseNames.Select(n => existingCourses[n]).ToList());
                    db.Modules.Add(module);
                    changes.Add(new ModuleCoursesChangedEvent(module.Id, added, []));
                }

                continue;
            }

            var sameCourses = courseIds.All(id => id is not null) && module.Courses.Select(c => c.CourseId).ToHashSet().SetEquals(courseIds.Select(id => id!.Value));
            if (module.Name == planned.Name && module.StartedOn == planned.StartedOn && sameCourses)
            {
                unchanged++;
                continue;
            }

            updated++;
            if (write)
            {
                module.Update(planned.Name, module.Code, planned.StartedOn);
                var (added, removed) = module.SetCourses(planned.CourseNames.Select(n => existingCourses[n]).ToList());
                if (added.Count > 0 || removed.Count > 0)
                {
                    db.Entry(module).Property(m => m.ConcurrencyStamp).IsModified = true;
                    changes.Add(new ModuleCoursesChangedEvent(module.Id, added, removed));
                }
            }
        }

        if (write)
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var change in changes)
            {
                await events.PublishAsync(change, cancellationToken);
            }
        }

        return new ImportCounts(created, updated, unchanged);
    }
}
