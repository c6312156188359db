using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses.Import;
using RateMyModule.Framework.BackgroundJobs;

namespace RateMyModule.Courses.Tests;

public sealed class CatalogueImportTests(CoursesFixture fixture) : IClassFixture<CoursesFixture>
{
    [Fact]
    public async Task Export_then_import_changes_nothing_and_an_import_elsewhere_recreates_the_same_catalogue()
    {
        var source = await fixture.CreateUniversityAsync("University of Exports", "exports.ac.uk");
        var maths = await fixture.CreateCourseAsync(source, "Mathematics, \"Pure\"");
        var physics = await fixture.CreateCourseAsync(source, "Physics");
        await fixture.CreateCourseAsync(source, "Empty Course");
        await fixture.CreateModuleAsync(source, "Calculus", "EX-1", maths, physics);
        await fixture.CreateModuleAsync(source, "Optics", "EX-2", physics);
        var csv = await ExportAsync(source);
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(5);

        var again = await ImportAsync(source, csv);
        again.State.ShouldBe(CatalogueImportState.Succeeded);
        (again.Created, again.Updated, again.Unchanged).ShouldBe((0, 0, 5));

        var target = await fixture.CreateUniversityAsync("University of Imports", "imports.ac.uk");
        var first = await ImportAsync(target, csv);
        (first.Created, first.Updated, first.Unchanged).ShouldBe((5, 0, 0));
        (await ExportAsync(target)).ShouldBe(csv);
        var second = await ImportAsync(target, csv);
        (second.Created, second.Updated, second.Unchanged).ShouldBe((0, 0, 5));
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_are_exported_as_text_and_import_back_unchanged()
    {
        var source = await fixture.CreateUniversityAsync("University of Formulas", "formulas.ac.uk");
        var course = await fixture.CreateCourseAsync(source, "=HYPERLINK(\"http://e.x\",\"x\")");
        await fixture.CreateModuleAsync(source, "=cmd|' /C calc'!A0", "+FX-1", course);
        await fixture.CreateModuleAsync(source, "@SUM(1+1)", "-FX-2", course);
        var csv = await ExportAsync(source);

        var cells = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).SelectMany(line => line.Split(',')).Select(c => c.TrimStart('"')).ToList();
        cells.ShouldNotContain(c => c.Length > 0 && "=+-@".Contains(c[0]), customMessage: csv);
        csv.ShouldContain("'=HYPERLINK");
        csv.ShouldContain("'=cmd|");
        csv.ShouldContain("'@SUM(1+1)");

        var target = await fixture.CreateUniversityAsync("University of Formula Imports", "formula-imports.ac.uk");
        (await ImportAsync(target, csv)).State.ShouldBe(CatalogueImportState.Succeeded);
        (await ExportAsync(target)).ShouldBe(csv);
    }

    [Fact]
    public async Task A_changed_line_updates_its_module_and_courses()
    {
        var university = await fixture.CreateUniversityAsync("University of Updates", "updates.ac.uk");
        var csv = "course,student_type,module_code,module_name,module_started_on\nArt,an artist,UP-1,Drawing,2020-09-01\n";
        await ImportAsync(university, csv);
        var changed = csv + "Design,a designer,UP-1,Drawing,2020-09-01\n";
        var status = await ImportAsync(university, changed);
        (status.Created, status.Updated, status.Unchanged).ShouldBe((1, 1, 1));
        var module = await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ICatalogueLookup>().FindModuleByCodeAsync(university, "up-1"));
        module!.CourseIds.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_preview_lists_every_lines_errors_and_writes_nothing()
    {
        var university = await fixture.CreateUniversityAsync("University of Previews", "previews.ac.uk");
        var csv = string.Join('\n',
            "course,student_type,module_code,module_name,module_started_on",
            "Good Course,a student,PV-1,Good Module,2020-09-01",
            "CS,a student,PV-2,Short Course Name,2020-09-01",
            "Good Course,a student,PV-3,Bad Date,01/09/2020",
            "Good Course,a student,PV-1,Another Name,2020-09-01",
            "Good Course,a different type,,,");
        var preview = await PreviewAsync(university, csv);
        preview.RowCount.ShouldBe(5);
        preview.Errors.Select(e => (e.Line, e.Code)).ShouldBe(
        [
            (3, "Courses:CourseNameLength"),
            (4, "Courses:CsvDate"),
            (5, "Courses:CsvModuleDiffers"),
            (6, "Courses:CsvStudentTypeDiffers"),
        ]);
        var lookup = await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<ICatalogueLookup>().GetCoursesOfUniversityAsync(university));
        lookup.ShouldBeEmpty();
        await Should.ThrowAsync<RateMyModule.Framework.Data.BusinessException>(() => fixture.AsAsync(CoursesFixture.Admin, sp =>
            sp.GetRequiredService<CatalogueImportService>().StartAsync(university, csv)));
    }

    [Theory]
    [InlineData("name,type\nA,B\n", "Courses:CsvHeader")]
    [InlineData("course,student_type,module_code,module_name,module_started_on\n\"Unclosed,a student,,,\n", "Courses:CsvMalformed")]
    [InlineData("course,student_type,module_code,module_name,module_started_on\n", "Courses:CsvEmpty")]
    [InlineData("", "Courses:CsvHeader")]
    public async Task A_malformed_file_is_one_clear_error(string csv, string code)
    {
        var university = await fixture.CreateUniversityAsync(
            "University of Bad Files " + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).ToArray()), $"bad{Guid.NewGuid():N}"[..20] + ".ac.uk");
        var preview = await PreviewAsync(university, csv);
        preview.Errors.Select(e => e.Code).ShouldBe([code]);
    }

    [Fact]
    public async Task A_file_with_too_many_lines_is_refused()
    {
        var university = await fixture.CreateUniversityAsync("University of Huge Files", "huge.ac.uk");
        var csv = new StringBuilder("course,student_type,module_code,module_name,module_started_on\n");
        for (var i = 0; i <= CatalogueCsv.MaxRows; i++)
        {
            csv.Append("Course,a student,,,\n");
        }

        var preview = await PreviewAsync(university, csv.ToString());
        preview.Errors.Select(e => e.Code).ShouldBe(["Courses:CsvTooManyRows"]);
    }

    [Fact]
    public async Task A_university_admin_cannot_import_into_or_export_another_university()
    {
        var own = await fixture.CreateUniversityAsync("University of Mine", "mine.ac.uk");
        var other = await fixture.CreateUniversityAsync("University of Theirs", "theirs.ac.uk");
        await Should.ThrowAsync<RateMyModule.Framework.Data.EntityNotFoundException>(() => fixture.AsAsync(CoursesFixture.UniversityAdminOf(own), sp =>
            sp.GetRequiredService<CatalogueImportService>().ExportAsync(other)));
        await Should.ThrowAsync<RateMyModule.Framework.Data.EntityNotFoundException>(() => fixture.AsAsync(CoursesFixture.UniversityAdminOf(own), sp =>
            sp.GetRequiredService<CatalogueImportService>().PreviewAsync(other, "course,student_type,module_code,module_name,module_started_on\nA Course,x y z,,,\n")));
    }

    private Task<string> ExportAsync(Guid university)
        => fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<CatalogueImportService>().ExportAsync(university));

    private Task<ImportPreview> PreviewAsync(Guid university, string csv)
        => fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<CatalogueImportService>().PreviewAsync(university, csv));

    private async Task<CatalogueImportStatus> ImportAsync(Guid university, string csv)
    {
        var id = await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<CatalogueImportService>().StartAsync(university, csv));
        await fixture.Host.Services.GetRequiredService<BackgroundJobExecutor>().RunDueJobsAsync();
        return await fixture.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<CatalogueImportService>().GetStatusAsync(id));
    }
}
