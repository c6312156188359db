using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RateMyModule.Courses.Application;
using RateMyModule.Courses.Import;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Web.Pages.Admin.Catalogue;

/// <summary>CSV export, and import: upload → preview with every line's errors (nothing written) → confirm → progress → summary.</summary>
[Authorize(Policy = CoursesPermissions.ManageCatalogue)]
public sealed class ImportModel(CatalogueImportService imports, UniversityAppService universities, IStringLocalizer<CoursesResource> localizer)
    : CataloguePageModel(localizer)
{
    [BindProperty(SupportsGet = true)]
    public Guid? University { get; set; }

    /// <summary>The import whose progress is shown.</summary>
    [BindProperty(SupportsGet = true, Name = "import")]
    public Guid? ImportId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The previewed file, sent back on confirm (the preview wrote nothing, so there is nowhere else to keep it).</summary>
    [BindProperty]
    public string? Text { get; set; }

    public IReadOnlyList<UniversityDto> Universities { get; private set; } = [];

    public ImportPreview? Preview { get; private set; }

    public CatalogueImportStatus? Status { get; private set; }

    public string Message(CatalogueCsvError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return L[error.Code, error.Arguments.ToArray()].Value;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Universities = await universities.GetOptionsAsync(cancellationToken);
        if (ImportId is { } id)
        {
            Status = await imports.GetStatusAsync(id, cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetProgressAsync(CancellationToken cancellationToken)
    {
        Status = await imports.GetStatusAsync(ImportId ?? Guid.Empty, cancellationToken);
        return Partial("_ImportProgress", this);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var universityId = University ?? throw new EntityNotFoundException("University", Guid.Empty);
        var csv = await imports.ExportAsync(universityId, cancellationToken);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "catalogue.csv");
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        Universities = await universities.GetOptionsAsync(cancellationToken);
        var universityId = University ?? throw new EntityNotFoundException("University", Guid.Empty);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), L["Courses:CsvNoFile"]);
            return Page();
        }

        if (Upload.Length > CatalogueCsv.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), L["Courses:CsvTooLarge", CatalogueCsv.MaxBytes / 1024]);
            return Page();
        }

        using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        Text = await reader.ReadToEndAsync(cancellationToken);
        Preview = await imports.PreviewAsync(universityId, Text, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var universityId = University ?? throw new EntityNotFoundException("University", Guid.Empty);
        try
        {
            var id = await imports.StartAsync(universityId, Text ?? "", cancellationToken);
            return RedirectToPage(new { import = id, university = universityId });
        }
        catch (BusinessException error) when (error is not EntityNotFoundException)
        {
            AddError(error);
            Universities = await universities.GetOptionsAsync(cancellationToken);
            return Page();
        }
    }
}
