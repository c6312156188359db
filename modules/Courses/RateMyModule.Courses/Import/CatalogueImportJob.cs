using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses.Data;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Uow;

namespace RateMyModule.Courses.Import;

/// <summary>
/// Applies a confirmed import in batches, each committed on its own with the progress it made, so the progress
/// bar moves while the job runs. Matching by course name and module code makes a retried batch a no-op.
/// </summary>
public sealed class CatalogueImportJob(IServiceScopeFactory scopes) : IBackgroundJob<CatalogueImportArgs>
{
    public const int BatchSize = 100;

    public async Task ExecuteAsync(CatalogueImportArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = CatalogueImportPlan.Build(CatalogueCsv.Read(args.Text).Rows);
        var total = new ImportCounts(0, 0, 0);
        try
        {
            // Courses first: the modules' batches look their courses up by name.
            foreach (var batch in plan.Courses.Chunk(BatchSize))
            {
                total = Add(total, await InScopeAsync(args, batch, [], total, cancellationToken));
            }

            foreach (var batch in plan.Modules.Chunk(BatchSize))
            {
                total = Add(total, await InScopeAsync(args, [], batch, total, cancellationToken));
            }

            await UpdateAsync(args.ImportId, total, CatalogueImportState.Succeeded, null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await UpdateAsync(args.ImportId, total, CatalogueImportState.Failed, e.Message.Length > 2000 ? e.Message[..2000] : e.Message, cancellationToken);
            throw;
        }
    }

    private async Task<ImportCounts> InScopeAsync(
        CatalogueImportArgs args, IReadOnlyCollection<PlannedCourse> courses, IReadOnlyCollection<PlannedModule> modules, ImportCounts before, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        uow.Begin();
        var counts = await scope.ServiceProvider.GetRequiredService<CatalogueImportApplier>()
            .ApplyAsync(args.UniversityId, courses, modules, write: true, cancellationToken);
        await Progress(scope.ServiceProvider.GetRequiredService<CoursesDbContext>(), args.ImportId, Add(before, counts), CatalogueImportState.Running, null, cancellationToken);
        await uow.CompleteAsync(cancellationToken);
        return counts;
    }

    private async Task UpdateAsync(Guid importId, ImportCounts counts, CatalogueImportState state, string? error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await Progress(scope.ServiceProvider.GetRequiredService<CoursesDbContext>(), importId, counts, state, error, cancellationToken);
    }

    private static Task<int> Progress(CoursesDbContext db, Guid importId, ImportCounts counts, CatalogueImportState state, string? error, CancellationToken cancellationToken)
        => db.Imports.Where(i => i.Id == importId).ExecuteUpdateAsync(
            s => s
                .SetProperty(i => i.ProcessedItems, counts.Created + counts.Updated + counts.Unchanged)
                .SetProperty(i => i.Created, counts.Created)
                .SetProperty(i => i.Updated, counts.Updated)
                .SetProperty(i => i.Unchanged, counts.Unchanged)
                .SetProperty(i => i.State, state)
                .SetProperty(i => i.Error, error),
            cancellationToken);

    private static ImportCounts Add(ImportCounts a, ImportCounts b) => new(a.Created + b.Created, a.Updated + b.Updated, a.Unchanged + b.Unchanged);
}
