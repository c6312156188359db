using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Reviews.Data;

namespace RateMyModule.Reviews.Jobs;

[BackgroundJobName("Reviews.ModeratorDigest")]
public sealed record ModeratorDigestArgs(Guid UniversityId);

/// <summary>
/// Tells a university's moderators about the reports they have not heard of yet, in one mail each. Reports are
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
        var body = new StringBuilder()
            .AppendLine(localizer["Digest:Body", reports.Count, reviews].Value)
            .AppendLine()
            .AppendLine(localizer["Digest:Link"].Value)
            .ToString();
        var subject = localizer["Digest:Subject", reports.Count].Value;
        foreach (var to in await accounts.GetModeratorEmailsAsync(args.UniversityId, cancellationToken))
        {
            await email.EnqueueAsync(new EmailMessage(to, subject, body), cancellationToken);
        }
    }
}
