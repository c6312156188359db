using System.Globalization;
using RateMyModule.Courses.Domain;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Import;

public sealed record PlannedCourse(string Name, string StudentType);

public sealed record PlannedModule(string Code, string Name, DateOnly StartedOn, IReadOnlyList<string> CourseNames);

/// <summary>
/// The catalogue a file describes, validated line by line with the domain's own rules. Courses are matched by
/// name and modules by code (case-insensitively, as the database does), so the same file always means the same
/// changes and importing it twice changes nothing the second time.
/// </summary>
public sealed class CatalogueImportPlan
{
    private CatalogueImportPlan(IReadOnlyList<PlannedCourse> courses, IReadOnlyList<PlannedModule> modules, IReadOnlyList<CatalogueCsvError> errors)
    {
        Courses = courses;
        Modules = modules;
        Errors = errors;
    }

    public IReadOnlyList<PlannedCourse> Courses { get; }

    public IReadOnlyList<PlannedModule> Modules { get; }

    public IReadOnlyList<CatalogueCsvError> Errors { get; }

    public static CatalogueImportPlan Build(IReadOnlyList<CatalogueCsvRow> rows)
    {
        var errors = new List<CatalogueCsvError>();
        var courses = new Dictionary<string, PlannedCourse>(StringComparer.OrdinalIgnoreCase);
        var modules = new Dictionary<string, (string Name, DateOnly StartedOn, List<string> Courses, int Line)>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (!Try(row.Line, errors, () => CatalogueRules.CourseName(row.Course), out var course)
                | !Try(row.Line, errors, () => CatalogueRules.StudentType(row.StudentType), out var studentType))
            {
                continue;
            }

            if (courses.TryGetValue(course, out var known) && known.StudentType != studentType)
            {
                errors.Add(new CatalogueCsvError(row.Line, "Courses:CsvStudentTypeDiffers", [course]));
            }

            courses.TryAdd(course, new PlannedCourse(course, studentType));
            if (row.ModuleCode.Length == 0 && row.ModuleName.Length == 0 && row.ModuleStartedOn.Length == 0)
            {
                continue;
            }

            var codeOk = Try(row.Line, errors, () => CatalogueRules.ModuleCode(row.ModuleCode), out var code);
            var nameOk = Try(row.Line, errors, () => CatalogueRules.ModuleName(row.ModuleName), out var name);
            var dateOk = DateOnly.TryParseExact(row.ModuleStartedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startedOn);
            if (!dateOk)
            {
                errors.Add(new CatalogueCsvError(row.Line, "Courses:CsvDate", [row.ModuleStartedOn]));
            }

            if (!codeOk || !nameOk || !dateOk)
            {
                continue;
            }

            if (modules.TryGetValue(code, out var module))
            {
                if (module.Name != name || module.StartedOn != startedOn)
                {
                    errors.Add(new CatalogueCsvError(row.Line, "Courses:CsvModuleDiffers", [code, module.Line]));
                }
                else if (!module.Courses.Contains(course, StringComparer.OrdinalIgnoreCase))
                {
                    module.Courses.Add(course);
                }
            }
            else
            {
                modules[code] = (name, startedOn, [course], row.Line);
            }
        }

        return new CatalogueImportPlan(
            courses.Values.ToList(),
            modules.Select(m => new PlannedModule(m.Key, m.Value.Name, m.Value.StartedOn, m.Value.Courses)).ToList(),
            errors);
    }

    private static bool Try(int line, List<CatalogueCsvError> errors, Func<string> rule, out string value)
    {
        try
        {
            value = rule();
            return true;
        }
        catch (BusinessException error)
        {
            errors.Add(new CatalogueCsvError(line, error.Code, error.Arguments));
            value = "";
            return false;
        }
    }
}
