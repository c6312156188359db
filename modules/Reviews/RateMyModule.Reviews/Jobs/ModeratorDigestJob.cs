using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Localization;
using RateMyModule.Reviews.Data;

namespace RateMyModule.Reviews.Jobs;

[BackgroundJobName("Reviews.ModeratorDigest")]
public sealed record ModeratorDigestArgs(Guid UniversityId);

/// <summary>
/// Tells a university's moderators about the reports they have not heard of yet, in one mail each, in each one's
/// language. Reports are
/// marked notified in the same transaction as the mails are queued, so a rerun sends nothing twice.
/// </summary>
public sealed class ModeratorDigestJob(
    ReviewsDbContext db,
    IAccountLookup accounts,
    IEmailQueue email,
    IStringLocalizer<ReviewsResource> localizer,
    TimeProvider clock) : IBackgroundJob<ModeratorDigestArgs>
{
    public async Task ExecuteAsync(ModeratorDigestArgs args, CancellationToken cancellationToken)
    {
        var reports = await db.Reports
            .Where(r => r.NotifiedAt == null && r.SolvedAt == null)
            .Join(db.Reviews.Where(v => v.UniversityId == args.UniversityId), r => r.ReviewId, v => v.Id, (r, v) => r)
            .ToListAsync(cancellationToken);
        if (reports.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var report in reports)
        {
            report.NotifiedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        var reviews = reports.Select(r => r.ReviewId).Distinct().Count();
        foreach (var recipient in await accounts.GetModeratorsToNotifyAsync(args.UniversityId, cancellationToken))
        {
            var (subject, body) = Compose(recipient.Culture, reports.Count, reviews);
            await email.EnqueueAsync(new EmailMessage(recipient.Email, subject, body), cancellationToken);
        }
    }

    /// <summary>The mail in the moderator's own language: a job runs outside any request, so nothing else sets it.</summary>
    private (string Subject, string Body) Compose(string? culture, int reportCount, int reviewCount)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture is null ? CultureInfo.GetCultureInfo(FrameworkCultures.Default) : CultureInfo.GetCultureInfo(culture);
        try
        {
            var body = new StringBuilder()
                .AppendLine(localizer["Digest:Body", reportCount, reviewCount].Value)
                .AppendLine()
                .AppendLine(localizer["Digest:Link"].Value)
                .ToString();
            return (localizer["Digest:Subject", reportCount].Value, body);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
