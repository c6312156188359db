using System.Globalization;
using CsvHelper;

namespace RateMyModule.Courses.Import;

/// <summary>One line of a catalogue file: a course, and optionally one module it includes.</summary>
public sealed record CatalogueCsvRow(int Line, string Course, string StudentType, string ModuleCode, string ModuleName, string ModuleStartedOn);

/// <summary>A problem with one line of the file (line 0: the file as a whole). <see cref="Code"/> is a localization key.</summary>
public sealed record CatalogueCsvError(int Line, string Code, IReadOnlyList<object> Arguments);

/// <summary>
/// The catalogue file: a header, then one line per (course, module) pair and one line for a course without
/// modules. Export and import use the same shape, so an exported file imports without changes.
/// </summary>
public static class CatalogueCsv
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxRows = 10_000;

    public static readonly string[] Header = ["course", "student_type", "module_code", "module_name", "module_started_on"];

    public static (IReadOnlyList<CatalogueCsvRow> Rows, IReadOnlyList<CatalogueCsvError> Errors) Read(string text)
    {
        var rows = new List<CatalogueCsvRow>();
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            Separator = ',',
            TrimWhitespace = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };
        using var csv = CsvReader.FromText(text, options);
        try
        {
            if (!csv.Headers.Select(h => h.Trim().ToLowerInvariant()).SequenceEqual(Header))
            {
                return ([], [new CatalogueCsvError(1, "Courses:CsvHeader", [string.Join(",", Header)])]);
            }

            while (csv.Read())
            {
                if (rows.Count >= MaxRows)
                {
                    return ([], [new CatalogueCsvError(0, "Courses:CsvTooManyRows", [MaxRows])]);
                }

                rows.Add(new CatalogueCsvRow(
                    (int)csv.LineNumber,
                    Field(csv, 0),
                    Field(csv, 1),
                    Field(csv, 2),
                    Field(csv, 3),
                    Field(csv, 4)));
            }
        }
        catch (CsvFormatException error)
        {
            return ([], [new CatalogueCsvError((int)error.LineNumber, "Courses:CsvMalformed", [error.LineNumber])]);
        }

        return (rows, []);
    }

    private static string Field(CsvReader csv, int index) => index < csv.FieldCount ? Unneutralise(csv.GetString(index) ?? "") : "";

    /// <summary>
    /// OWASP's rule against CSV (formula) injection: a cell that a spreadsheet would run as a formula (it starts with
    /// = + - @, a tab or a carriage return) is written with a leading apostrophe, so a course named
    /// <c>=HYPERLINK(…)</c> opens as text.
    /// </summary>
    public static string Neutralise(string value)
        => value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;

    /// <summary>The import side of <see cref="Neutralise"/>: an exported file imports with the names as they were.</summary>
    public static string Unneutralise(string value)
        => value.Length > 1 && value[0] == '\'' && FormulaStarts.Contains(value[1]) ? value[1..] : value;

    private const string FormulaStarts = "=+-@\t\r";

    public static string Write(IEnumerable<(string Course, string StudentType, string? Code, string? Name, DateOnly? StartedOn)> lines)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, null, true))
        {
            foreach (var column in Header)
            {
                csv.WriteField(column);
            }

            csv.EndRecord();
            foreach (var line in lines)
            {
                csv.WriteField(Neutralise(line.Course));
                csv.WriteField(Neutralise(line.StudentType));
                csv.WriteField(Neutralise(line.Code ?? ""));
                csv.WriteField(Neutralise(line.Name ?? ""));
                csv.WriteField(line.StartedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
                csv.EndRecord();
            }
        }

        return writer.ToString();
    }
}
