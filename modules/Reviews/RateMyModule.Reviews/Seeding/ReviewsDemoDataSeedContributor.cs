using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RateMyModule.Courses;
using RateMyModule.Framework.Seeding;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Seeding;

/// <summary>
/// Demo reviews that hang together, always the same (fixed random seed): from 3 to 40 per module, ratings that
/// follow each module's character, written over the academic years since the module started (recent ones likelier,
/// in term time), tagged with its subject's tags, so a demo site has rankings, charts and trends worth reading. Votes and reports are real rows from the module's other demo authors, so the
/// counters agree with them and the moderation queue has work (one report each: below the hide threshold).
/// Runs only once (when there are no reviews yet) and only with demo data.
/// </summary>
public sealed class ReviewsDemoDataSeedContributor(
    IServiceProvider services,
    ReviewsDbContext db,
    ModuleStatsRebuilder rebuilder,
    IOptions<ReviewsOptions> options,
    TimeProvider clock,
    ILogger<ReviewsDemoDataSeedContributor> logger) : IDataSeedContributor
{
    private static readonly string[] Texts =
    [
        "Well organised, and the labs made the lectures click.\nStart the coursework early.",
        "Hard going in the middle weeks, but the feedback on assignments was quick and useful.",
        "The exam matched the past papers closely. Lectures were recorded.",
        "Too much content for one term; the group project saved it.",
        "",
        "Brilliant teaching. I use what I learnt here every week.",
        "The reading list is long; the seminars are where it comes together.",
        "Fair assessment, but the deadlines clash with other modules in the same term.",
        "Dry lectures, good tutorials. Go to the drop-in sessions.",
        "Changed how I think about the subject. Hard, and worth it.",
    ];

    /// <summary>Every demo tag and its kind; a review takes its tags from its course's subject (<see cref="SubjectTags"/>).</summary>
    private static readonly (string Name, TagKind Kind)[] DemoTags =
    [
        ("Java", TagKind.Tool), ("Python", TagKind.Tool), ("MATLAB", TagKind.Tool), ("Git", TagKind.Tool), ("Excel", TagKind.Tool),
        ("SPSS", TagKind.Tool), ("R", TagKind.Tool), ("AutoCAD", TagKind.Tool), ("Sibelius", TagKind.Tool), ("GIS", TagKind.Tool),
        ("Recursion", TagKind.Topic), ("Algorithms", TagKind.Topic), ("Statistics", TagKind.Topic), ("Proofs", TagKind.Topic),
        ("Quantum mechanics", TagKind.Topic), ("Organic chemistry", TagKind.Topic), ("Game theory", TagKind.Topic),
        ("Logic", TagKind.Topic), ("Ethics", TagKind.Topic), ("Anatomy", TagKind.Topic), ("Case law", TagKind.Topic),
        ("Media law", TagKind.Topic), ("Genetics", TagKind.Topic), ("Climate", TagKind.Topic), ("Soil science", TagKind.Topic),
        ("Cynghanedd", TagKind.Topic), ("Primary sources", TagKind.Topic), ("Composition", TagKind.Topic),
        ("Group project", TagKind.Other), ("Weekly quizzes", TagKind.Other), ("Essays", TagKind.Other), ("Seminars", TagKind.Other),
        ("Lab reports", TagKind.Other), ("Fieldwork", TagKind.Other), ("Clinical placement", TagKind.Other), ("Moots", TagKind.Other),
        ("Studio", TagKind.Other), ("Performance", TagKind.Other), ("Experiments", TagKind.Other), ("Interviews", TagKind.Other),
    ];

    private static readonly Dictionary<string, string[]> SubjectTags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Computer Science"] = ["Java", "Python", "Recursion", "Algorithms", "Group project"],
        ["Software Engineering"] = ["Java", "Git", "Algorithms", "Group project"],
        ["Mathematics"] = ["MATLAB", "Proofs", "Statistics", "Weekly quizzes"],
        ["Physics"] = ["MATLAB", "Python", "Quantum mechanics", "Lab reports"],
        ["Chemistry"] = ["Organic chemistry", "Lab reports", "Weekly quizzes"],
        ["Economics"] = ["Excel", "Statistics", "Game theory", "Essays"],
        ["History"] = ["Primary sources", "Essays", "Seminars"],
        ["Philosophy"] = ["Logic", "Ethics", "Essays", "Seminars"],
        ["Medicine"] = ["Anatomy", "Clinical placement", "Weekly quizzes"],
        ["Law"] = ["Case law", "Moots", "Essays"],
        ["Journalism"] = ["Media law", "Interviews", "Essays"],
        ["Architecture"] = ["AutoCAD", "Studio", "Group project"],
        ["Psychology"] = ["SPSS", "Statistics", "Experiments"],
        ["Music"] = ["Sibelius", "Composition", "Performance"],
        ["Geography"] = ["GIS", "Climate", "Fieldwork"],
        ["Welsh"] = ["Cynghanedd", "Essays", "Seminars"],
        ["Biology"] = ["R", "Genetics", "Lab reports", "Fieldwork"],
        ["Agriculture"] = ["Soil science", "Fieldwork", "Excel"],
        ["Drama"] = ["Performance", "Group project", "Essays"],
    };

    private static readonly string[] OtherSubjectTags = ["Group project", "Weekly quizzes", "Essays"];

    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        // Resolved here, not injected: without demo data (or before a catalogue module is installed) nothing asks for it.
        var catalogue = context.IncludeDemoData ? services.GetService<ICatalogueLookup>() : null;
        if (catalogue is null || await db.Reviews.AnyAsync(cancellationToken))
        {
            return;
        }

        var modules = new List<(ModuleDto Module, string Snapshot, string Subject)>();
        foreach (var university in await catalogue.GetUniversitiesAsync(cancellationToken))
        {
            var courses = await catalogue.GetCoursesOfUniversityAsync(university.Id, cancellationToken);
            foreach (var module in await catalogue.GetModulesOfCoursesAsync(courses.Select(c => c.Id).ToList(), cancellationToken))
            {
                // The course the module is named after (a shared module belongs to one subject first), else its first.
                var course = courses.Where(c => module.CourseIds.Contains(c.Id)).OrderByDescending(c => module.Name.Contains(c.Name, StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
                modules.Add((module, $"{course?.StudentType} | {university.ShortName}", course?.Name ?? ""));
            }
        }

        if (modules.Count == 0)
        {
            logger.LogInformation("No demo modules in the catalogue: no demo reviews");
            return;
        }

        var tags = DemoTags.ToDictionary(
            t => t.Name,
            t => new Tag { Name = t.Name, NormalizedName = Tag.Normalize(t.Name), Kind = t.Kind, IsVerified = true, CreationTime = clock.GetUtcNow() });
        db.Tags.AddRange(tags.Values);
        var random = new Random(20260901);
        var now = clock.GetUtcNow();
        var currentYear = AcademicYear.Of(now);
        var first = true;
        foreach (var (module, snapshot, subject) in modules.DistinctBy(m => m.Module.Id))
        {
            // Each module has its own character (how good, how hard, getting better or worse), so rankings, charts and
            // trends differ from module to module; popular modules have many reviews, most have a handful.
            var quality = 2.2 + (random.NextDouble() * 2.6);
            var hardness = (module.Name.StartsWith("Advanced", StringComparison.Ordinal) ? 3.4 : 2.2) + (random.NextDouble() * 1.4);
            var drift = (random.NextDouble() - 0.5) * 0.3;
            var count = 3 + (int)(37 * Math.Pow(random.NextDouble(), 2));
            var firstYear = Math.Min(AcademicYear.Of(module.StartedOn), currentYear);
            var subjectTags = (SubjectTags.GetValueOrDefault(subject) ?? OtherSubjectTags).Select(name => tags[name]).ToList();
            for (var i = 0; i < count; i++)
            {
                var year = RecentYear(random, firstYear, currentYear);
                var mean = quality + (drift * (year - currentYear));
                var overall = Rating(mean + Noise(random));
                var review = new Review
                {
                    ModuleId = module.Id,
                    UniversityId = module.UniversityId,
                    AuthorId = DemoUserId(module.Id, i),
                    AuthorSnapshot = snapshot,
                    Overall = overall,
                    Difficulty = random.Next(0, 5) == 0 ? null : Rating(hardness + Noise(random)),
                    Assessment = random.Next(0, 4) == 0 ? null : Rating(mean + Noise(random)),
                    Teaching = Rating(((overall + mean) / 2) + Noise(random)),
                    Text = Texts[random.Next(Texts.Length)],
                    AcademicYear = year,
                    CreationTime = WrittenIn(random, year, now),
                };
                review.Tags = subjectTags.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).Select(t => new ReviewTag { Tag = t }).ToList();
                db.Reviews.Add(review);
                // The second review of the first module is always reported, so the moderation queue has work.
                AddVotesAndReport(review, module.Id, i, count, random, now, alwaysReport: first && i == 1);
            }

            first = false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await rebuilder.RebuildAsync(modules.Select(m => m.Module.Id).Distinct().ToList(), cancellationToken);
    }

    private static int Rating(double value) => Math.Clamp((int)Math.Round(value), ReviewLimits.RatingMin, ReviewLimits.RatingMax);

    private static double Noise(Random random) => (random.NextDouble() + random.NextDouble() - 1) * 1.6;

    /// <summary>An academic year from the module's start to now, recent years likelier (more students use the site now).</summary>
    private static int RecentYear(Random random, int firstYear, int currentYear)
        => currentYear - (int)((currentYear - firstYear + 1) * Math.Pow(random.NextDouble(), 1.8));

    /// <summary>A day in the term of that year (October to June), never in the future.</summary>
    private static DateTimeOffset WrittenIn(Random random, int year, DateTimeOffset now)
    {
        var written = new DateTimeOffset(year, 10, 1, 9, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 270)).AddMinutes(random.Next(0, 12 * 60));
        return written < now ? written : now.AddHours(-random.Next(1, 24 * 30));
    }

    private void AddVotesAndReport(Review review, Guid moduleId, int authorIndex, int authors, Random random, DateTimeOffset now, bool alwaysReport)
    {
        // The other demo authors of the module vote, each at most once; the counters are the rows, never made up.
        var voters = Enumerable.Range(0, authors).Where(j => j != authorIndex).OrderBy(_ => random.Next()).Take(random.Next(0, 8)).ToList();
        foreach (var voter in voters)
        {
            var kind = random.Next(0, 3) == 0 ? VoteKind.NotHelpful : VoteKind.Helpful;
            db.Votes.Add(new ReviewVote { ReviewId = review.Id, UserId = DemoUserId(moduleId, voter), Kind = kind, CreationTime = now });
            if (kind == VoteKind.Helpful)
            {
                review.HelpfulCount++;
            }
            else
            {
                review.NotHelpfulCount++;
            }
        }

        review.Score = review.HelpfulCount - review.NotHelpfulCount;
        var reporter = voters.Count > 0 ? voters[0] : authorIndex == 0 ? 1 : 0;
        if ((random.Next(0, 40) == 0 || alwaysReport) && options.Value.HideThreshold > 1)
        {
            db.Reports.Add(new ReviewReport
            {
                ReviewId = review.Id,
                ReporterId = DemoUserId(moduleId, reporter),
                Reason = random.Next(0, 2) == 0 ? ReportReason.Spam : ReportReason.HateSpeechOrLanguage,
                CreationTime = now,
            });
        }
    }

    /// <summary>Demo authors are not accounts: a stable id per module and index keeps "one review per user" true.</summary>
    private static Guid DemoUserId(Guid moduleId, int index)
    {
        var bytes = moduleId.ToByteArray();
        bytes[0] ^= (byte)index;
        bytes[1] ^= (byte)(index >> 8);
        bytes[15] ^= 0xD5;
        return new Guid(bytes);
    }
}
