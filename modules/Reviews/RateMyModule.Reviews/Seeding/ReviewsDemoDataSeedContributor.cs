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
/// A few reviews per demo module, with tags, votes and reports, always the same (fixed random seed), so a demo
/// site has something to read. Votes and reports are real rows from the module's other demo authors, so the
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
    ];

    private static readonly (string Name, TagKind Kind)[] DemoTags =
    [
        ("Java", TagKind.Tool), ("Python", TagKind.Tool), ("MATLAB", TagKind.Tool), ("Recursion", TagKind.Topic),
        ("Statistics", TagKind.Topic), ("Group project", TagKind.Other), ("Weekly quizzes", TagKind.Other),
    ];

    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        // Resolved here, not injected: without demo data (or before a catalogue module is installed) nothing asks for it.
        var catalogue = context.IncludeDemoData ? services.GetService<ICatalogueLookup>() : null;
        if (catalogue is null || await db.Reviews.AnyAsync(cancellationToken))
        {
            return;
        }

        var modules = new List<(ModuleDto Module, string Snapshot)>();
        foreach (var university in await catalogue.GetUniversitiesAsync(cancellationToken))
        {
            var courses = await catalogue.GetCoursesOfUniversityAsync(university.Id, cancellationToken);
            foreach (var module in await catalogue.GetModulesOfCoursesAsync(courses.Select(c => c.Id).ToList(), cancellationToken))
            {
                var course = courses.FirstOrDefault(c => module.CourseIds.Contains(c.Id));
                modules.Add((module, $"{course?.StudentType} | {university.ShortName}"));
            }
        }

        if (modules.Count == 0)
        {
            logger.LogInformation("No demo modules in the catalogue: no demo reviews");
            return;
        }

        var tags = DemoTags.Select(t => new Tag { Name = t.Name, NormalizedName = Tag.Normalize(t.Name), Kind = t.Kind, IsVerified = true, CreationTime = clock.GetUtcNow() }).ToList();
        db.Tags.AddRange(tags);
        var random = new Random(20260901);
        var now = clock.GetUtcNow();
        var currentYear = AcademicYear.Of(now);
        var perModule = Math.Clamp(2000 / modules.Count, 3, 40);
        foreach (var (module, snapshot) in modules.DistinctBy(m => m.Module.Id))
        {
            var firstYear = Math.Min(AcademicYear.Of(module.StartedOn), currentYear);
            for (var i = 0; i < perModule; i++)
            {
                var overall = random.Next(1, 6);
                var review = new Review
                {
                    ModuleId = module.Id,
                    UniversityId = module.UniversityId,
                    AuthorId = DemoUserId(module.Id, i),
                    AuthorSnapshot = snapshot,
                    Overall = overall,
                    Difficulty = random.Next(0, 6) is var d and > 0 ? d : null,
                    Assessment = random.Next(0, 6) is var a and > 0 ? a : null,
                    Teaching = Math.Clamp(overall + random.Next(-1, 2), 1, 5),
                    Text = Texts[random.Next(Texts.Length)],
                    AcademicYear = random.Next(firstYear, currentYear + 1),
                    CreationTime = now.AddHours(-random.Next(1, 24 * 365)),
                };
                review.Tags = tags.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).Select(t => new ReviewTag { Tag = t }).ToList();
                db.Reviews.Add(review);
                AddVotesAndReport(review, module.Id, i, perModule, random, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await rebuilder.RebuildAsync(modules.Select(m => m.Module.Id).ToList(), cancellationToken);
    }

    private void AddVotesAndReport(Review review, Guid moduleId, int authorIndex, int authors, Random random, DateTimeOffset now)
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
        if (random.Next(0, 40) == 0 && options.Value.HideThreshold > 1 && voters.Count > 0)
        {
            db.Reports.Add(new ReviewReport
            {
                ReviewId = review.Id,
                ReporterId = DemoUserId(moduleId, voters[0]),
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
