using System.Collections.Concurrent;
using RateMyModule.Framework.BackgroundJobs;

namespace RateMyModule.Framework.Tests.BackgroundJobs;

[BackgroundJobName("Tests.RecordEffect")]
public sealed record RecordEffectArgs(string Label, int FailuresBeforeSuccess = 0);

/// <summary>Writes a <see cref="JobEffect"/>, then fails on purpose for its first tries, so a rollback leaves no row.</summary>
public sealed class RecordEffectJob(TestJobsDbContext db, JobJournal journal) : IBackgroundJob<RecordEffectArgs>
{
    public async Task ExecuteAsync(RecordEffectArgs args, CancellationToken cancellationToken)
    {
        var attempt = journal.RecordAttempt(args.Label);
        db.Effects.Add(new JobEffect { Id = Guid.NewGuid(), Label = args.Label });
        await db.SaveChangesAsync(cancellationToken);
        if (attempt <= args.FailuresBeforeSuccess)
        {
            throw new InvalidOperationException($"Attempt {attempt} fails on purpose.");
        }
    }
}

/// <summary>Args without a [BackgroundJobName]: stored under the type's full name.</summary>
public sealed record UnnamedJobArgs(int Number);

public sealed class UnnamedJob(JobJournal journal) : IBackgroundJob<UnnamedJobArgs>
{
    public Task ExecuteAsync(UnnamedJobArgs args, CancellationToken cancellationToken)
    {
        journal.RecordAttempt($"unnamed-{args.Number}");
        return Task.CompletedTask;
    }
}

/// <summary>Counts every try of every job in this process, committed or not.</summary>
public sealed class JobJournal
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    public int RecordAttempt(string label) => _attempts.AddOrUpdate(label, 1, (_, count) => count + 1);

    public int Attempts(string label) => _attempts.GetValueOrDefault(label);
}

/// <summary>Args that hold a secret, stored encrypted.</summary>
[BackgroundJobName("Tests.Secret")]
[ProtectedJobArgs]
public sealed record SecretArgs(string Link);

/// <summary>Records the link it was given, so a test sees the job got the args back as enqueued.</summary>
public sealed class SecretJob(JobJournal journal) : IBackgroundJob<SecretArgs>
{
    public Task ExecuteAsync(SecretArgs args, CancellationToken cancellationToken)
    {
        journal.RecordAttempt(args.Link);
        return Task.CompletedTask;
    }
}
