using Microsoft.EntityFrameworkCore;
using RateMyModule.Courses.Data;
using RateMyModule.Courses.Domain;
using RateMyModule.Framework.Seeding;

namespace RateMyModule.Courses.Seeding;

/// <summary>
/// Demo catalogue (only with <see cref="DataSeedContext.IncludeDemoData"/>): three universities, twenty courses and
/// a hundred modules, eleven of them shared by two related courses, always the same, matched by email domain, course name and module code, so a second run adds
/// nothing. The other modules' demo seeds find these through <see cref="ICatalogueLookup"/>.
/// </summary>
public sealed class CoursesDemoDataSeedContributor(CoursesDbContext db, TimeProvider clock) : IDataSeedContributor
{
    // Shared is (course, other course): the first course's foundations module is part of the other course too, only
    // where the subjects meet (mathematics in physics, law in journalism), so no course lists a stranger's module.
    private static readonly DemoUniversity[] Universities =
    [
        new("University of Birmingham", "UoB", "bham.ac.uk", new DateOnly(1900, 3, 24), "06-",
        [
            ("Computer Science", "a computer scientist"), ("Mathematics", "a mathematician"), ("Physics", "a physicist"),
            ("History", "a historian"), ("Chemistry", "a chemist"), ("Economics", "an economist"), ("Philosophy", "a philosopher"),
        ],
        [("Mathematics", "Computer Science"), ("Mathematics", "Physics"), ("Mathematics", "Economics"), ("Physics", "Chemistry"), ("Philosophy", "History")]),
        new("Cardiff University", "Cardiff", "cardiff.ac.uk", new DateOnly(1883, 10, 24), "CM",
        [
            ("Software Engineering", "a software engineer"), ("Medicine", "a medic"), ("Law", "a law student"),
            ("Journalism", "a journalist"), ("Architecture", "an architect"), ("Psychology", "a psychologist"), ("Music", "a musician"),
        ],
        [("Law", "Journalism"), ("Psychology", "Medicine")]),
        new("Aberystwyth University", "Aber", "aber.ac.uk", new DateOnly(1872, 10, 16), "CS",
        [
            ("Geography", "a geographer"), ("Welsh", "a Welsh scholar"), ("Biology", "a biologist"),
            ("Computer Science", "a computer scientist"), ("Agriculture", "an agriculturalist"), ("Drama", "a dramatist"),
        ],
        [("Biology", "Agriculture"), ("Geography", "Agriculture"), ("Biology", "Geography"), ("Welsh", "Drama")]),
    ];

    private static readonly string[] ModulePatterns =
    [
        "Foundations of {0}", "{0} in Practice", "Research Methods in {0}", "Advanced {0}", "{0} Group Project",
    ];

    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        if (!context.IncludeDemoData)
        {
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var demo in Universities)
        {
            var university = await db.Universities.FirstOrDefaultAsync(u => u.EmailDomain == demo.EmailDomain, cancellationToken);
            if (university is null)
            {
                university = new University(demo.Name, demo.ShortName, demo.EmailDomain, demo.FoundedOn, today);
                db.Universities.Add(university);
            }

            var courses = new List<Course>();
            foreach (var (name, studentType) in demo.Courses)
            {
                var course = await db.Courses.FirstOrDefaultAsync(c => c.UniversityId == university.Id && c.Name == name, cancellationToken)
                    ?? db.Courses.Local.FirstOrDefault(c => c.UniversityId == university.Id && c.Name == name);
                if (course is null)
                {
                    course = new Course(university.Id, name, studentType);
                    db.Courses.Add(course);
                }

                courses.Add(course);
            }

            await AddModulesAsync(demo, university, courses, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Five modules per course, named after it; a foundations module is shared only between related courses.</summary>
    private async Task AddModulesAsync(DemoUniversity demo, University university, List<Course> courses, CancellationToken cancellationToken)
    {
        for (var c = 0; c < courses.Count; c++)
        {
            for (var m = 0; m < ModulePatterns.Length; m++)
            {
                var number = 10000 + (c * 100) + (m * 10) + 1;
                var code = $"{demo.CodePrefix}{number}";
                if (await db.Modules.AnyAsync(x => x.UniversityId == university.Id && x.Code == code, cancellationToken))
                {
                    continue;
                }

                var module = new Module(
                    university.Id,
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, ModulePatterns[m], courses[c].Name),
                    code,
                    new DateOnly(2012 + ((c + m) % 10), 9, 20));
                var sharedWith = m == 0 ? demo.Shared.Where(pair => pair.Course == courses[c].Name).Select(pair => pair.With).ToHashSet() : [];
                var included = courses.Where(course => course == courses[c] || sharedWith.Contains(course.Name)).ToArray();
                module.SetCourses(included);
                db.Modules.Add(module);
            }
        }
    }

    private sealed record DemoUniversity(
        string Name,
        string ShortName,
        string EmailDomain,
        DateOnly FoundedOn,
        string CodePrefix,
        (string Name, string StudentType)[] Courses,
        (string Course, string With)[] Shared);
}
