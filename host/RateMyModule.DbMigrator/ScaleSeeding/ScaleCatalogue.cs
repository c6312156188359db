using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RateMyModule.DbMigrator.ScaleSeeding;

public sealed record ScaleModule(Guid Id, Guid UniversityId, int FirstAcademicYear);

public sealed record ScaleUniversity(Guid Id, string ShortName, string EmailDomain);

/// <summary>
/// The demo catalogue as the generator needs it, read from the Courses and Reviews tables: the modules open for
/// reviews, the university the benchmark users belong to (the first by name) with its courses, and the tags.
/// The big module is that university's first module by code, so the same database always gives the same one.
/// </summary>
public sealed class ScaleCatalogue
{
    private ScaleCatalogue(IReadOnlyList<ScaleModule> modules, ScaleUniversity university, IReadOnlyList<Guid> courseIds,
        IReadOnlyList<Guid> tagIds, IReadOnlyDictionary<Guid, string> shortNames)
    {
        Modules = modules;
        University = university;
        CourseIds = courseIds;
        TagIds = tagIds;
        ShortNames = shortNames;
        BigModule = modules.First(m => m.UniversityId == university.Id);
    }

    public IReadOnlyList<ScaleModule> Modules { get; }

    public ScaleModule BigModule { get; }

    public ScaleUniversity University { get; }

    public IReadOnlyList<Guid> CourseIds { get; }

    public IReadOnlyList<Guid> TagIds { get; }

    private IReadOnlyDictionary<Guid, string> ShortNames { get; }

    /// <summary>What a review shows about its author, as ReviewService writes it: "student type | university".</summary>
    public string SnapshotOf(ScaleModule module) => $"a benchmark student | {ShortNames.GetValueOrDefault(module.UniversityId, "?")}";

    public static async Task<ScaleCatalogue> ReadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var universities = await ReadAsync(connection,
            "SELECT Id, ShortName, EmailDomain FROM CoursesUniversities WHERE IsArchived = 0 ORDER BY Name",
            r => new ScaleUniversity(r.GetGuid(0), r.GetString(1), r.GetString(2)), cancellationToken);
        if (universities.Count == 0)
        {
            throw new InvalidOperationException("The scale seed needs the demo catalogue: run the DbMigrator with --seed-demo on a fresh database.");
        }

        var university = universities[0];
        var modules = await ReadAsync(connection,
            "SELECT m.Id, m.UniversityId, m.StartedOn FROM CoursesModules m JOIN CoursesUniversities u ON u.Id = m.UniversityId "
            + "WHERE m.IsArchived = 0 AND u.IsArchived = 0 ORDER BY u.Name, m.Code, m.Id",
            r => new ScaleModule(r.GetGuid(0), r.GetGuid(1), AcademicYearOf(r.GetString(2))), cancellationToken);
        var courses = await ReadAsync(connection,
            $"SELECT Id FROM CoursesCourses WHERE IsArchived = 0 AND UniversityId = '{university.Id.ToString().ToUpperInvariant()}' ORDER BY Name",
            r => r.GetGuid(0), cancellationToken);
        var tags = await ReadAsync(connection, "SELECT Id FROM RevTags ORDER BY NormalizedName", r => r.GetGuid(0), cancellationToken);
        if (!modules.Any(m => m.UniversityId == university.Id))
        {
            throw new InvalidOperationException($"{university.ShortName} has no open module to put the big module's reviews on.");
        }

        return new ScaleCatalogue(modules, university, courses, tags, universities.ToDictionary(u => u.Id, u => u.ShortName));
    }

    /// <summary>The academic year (September to August) a module that started on this date first ran in.</summary>
    private static int AcademicYearOf(string startedOn)
    {
        var date = DateOnly.Parse(startedOn, CultureInfo.InvariantCulture);
        return date.Month >= 9 ? date.Year : date.Year - 1;
    }

    private static async Task<List<T>> ReadAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
