using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Import;

public enum CatalogueImportState
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>One confirmed CSV import: what the progress bar and the summary show.</summary>
public sealed class CatalogueImport : Entity
{
    public Guid UniversityId { get; set; }

    public CatalogueImportState State { get; set; }

    public int TotalItems { get; set; }

    public int ProcessedItems { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public DateTimeOffset CreationTime { get; set; }

    public string? Error { get; set; }
}

public sealed record CatalogueImportStatus(
    Guid Id, Guid UniversityId, CatalogueImportState State, int TotalItems, int ProcessedItems, int Created, int Updated, int Unchanged, string? Error)
{
    public int Percent => TotalItems == 0 ? 100 : (int)(100L * ProcessedItems / TotalItems);

    public bool IsFinished => State is CatalogueImportState.Succeeded or CatalogueImportState.Failed;
}

/// <summary>What an import will do (preview) or did (summary).</summary>
public sealed record ImportCounts(int Created, int Updated, int Unchanged);

public sealed record ImportPreview(int RowCount, IReadOnlyList<CatalogueCsvError> Errors, ImportCounts Planned);

/// <param name="Text">The confirmed file; kept in the job so a retry applies exactly what was previewed.</param>
public sealed record CatalogueImportArgs(Guid ImportId, Guid UniversityId, string Text);
