using Microsoft.EntityFrameworkCore;
using RateMyModule.Courses.Application;
using RateMyModule.Courses.Data;
using RateMyModule.Courses.Domain;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Import;

/// <summary>CSV export, preview (writes nothing) and confirmed import (a background job) of one university's catalogue.</summary>
public sealed class CatalogueImportService(
    CoursesDbContext db,
    CatalogueAccess access,
    CatalogueImportApplier applier,
    IBackgroundJobManager jobs,
    TimeProvider clock)
{
    public async Task<ImportPreview> PreviewAsync(Guid universityId, string text, CancellationToken cancellationToken = default)
    {
        await RequireAsync(universityId, cancellationToken);
        var (rows, fileErrors) = CatalogueCsv.Read(text);
        if (fileErrors.Count > 0)
        {
            return new ImportPreview(0, fileErrors, new ImportCounts(0, 0, 0));
        }

        if (rows.Count == 0)
        {
            return new ImportPreview(0, [new CatalogueCsvError(0, "Courses:CsvEmpty", [])], new ImportCounts(0, 0, 0));
        }

        var plan = CatalogueImportPlan.Build(rows);
        var planned = plan.Errors.Count > 0
            ? new ImportCounts(0, 0, 0)
            : await applier.ApplyAsync(universityId, plan.Courses, plan.Modules, write: false, cancellationToken);
        return new ImportPreview(rows.Count, plan.Errors.OrderBy(e => e.Line).ToList(), planned);
    }

    /// <summary>Checks the file again (it came back from the browser) and queues the job that applies it.</summary>
    public async Task<Guid> StartAsync(Guid universityId, string text, CancellationToken cancellationToken = default)
    {
        var preview = await PreviewAsync(universityId, text, cancellationToken);
        if (preview.Errors.Count > 0)
        {
            throw new BusinessException("Courses:CsvHasErrors", "The file has errors; fix them and upload it again.");
        }

        var plan = CatalogueImportPlan.Build(CatalogueCsv.Read(text).Rows);
        var import = new CatalogueImport
        {
            Id = Guid.CreateVersion7(),
            UniversityId = universityId,
            State = CatalogueImportState.Queued,
            TotalItems = plan.Courses.Count + plan.Modules.Count,
            CreationTime = clock.GetUtcNow(),
        };
        db.Imports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        await jobs.EnqueueAsync(new CatalogueImportArgs(import.Id, universityId, text), cancellationToken: cancellationToken);
        return import.Id;
    }

    public async Task<CatalogueImportStatus> GetStatusAsync(Guid importId, CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireCatalogueAsync(cancellationToken);
        var import = await db.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is null || !scope.Covers(import.UniversityId))
        {
            throw new EntityNotFoundException("Import", importId);
        }

        return new CatalogueImportStatus(
            import.Id, import.UniversityId, import.State, import.TotalItems, import.ProcessedItems, import.Created, import.Updated, import.Unchanged, import.Error);
    }

    /// <summary>The university's catalogue in the import's shape: a line per (course, module), a line per course without modules.</summary>
    public async Task<string> ExportAsync(Guid universityId, CancellationToken cancellationToken = default)
    {
        await RequireAsync(universityId, cancellationToken);
        var courses = await db.Courses.AsNoTracking().Where(c => c.UniversityId == universityId).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var modules = await db.Modules.AsNoTracking().Where(m => m.UniversityId == universityId).OrderBy(m => m.Code).ToListAsync(cancellationToken);
        var byCourse = modules.SelectMany(m => m.Courses.Select(c => (c.CourseId, Module: m))).ToLookup(x => x.CourseId, x => x.Module);
        var lines = courses.SelectMany(c => byCourse[c.Id].Any()
            ? byCourse[c.Id].Select(m => (c.Name, c.StudentType, (string?)m.Code, (string?)m.Name, (DateOnly?)m.StartedOn))
            : [(c.Name, c.StudentType, (string?)null, (string?)null, (DateOnly?)null)]);
        return CatalogueCsv.Write(lines);
    }

    private async Task RequireAsync(Guid universityId, CancellationToken cancellationToken)
    {
        var scope = await access.RequireCatalogueAsync(cancellationToken);
        if (!scope.Covers(universityId) || !await db.Universities.AnyAsync(u => u.Id == universityId, cancellationToken))
        {
            throw new EntityNotFoundException(nameof(University), universityId);
        }
    }
}
