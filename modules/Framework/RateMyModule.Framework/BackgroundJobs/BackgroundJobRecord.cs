namespace RateMyModule.Framework.BackgroundJobs;

public enum BackgroundJobState
{
    Pending = 0,
    Succeeded = 1,
    Abandoned = 2,
}

/// <summary>A durable job: written in the transaction of the change that asked for it, claimed by one worker at a time.</summary>
public sealed class BackgroundJobRecord
{
    public Guid Id { get; set; }

    public string JobName { get; set; } = "";

    public string JobArgs { get; set; } = "";

    public BackgroundJobState State { get; set; }

    public int TryCount { get; set; }

    public DateTimeOffset CreationTime { get; set; }

    public DateTimeOffset NextTryTime { get; set; }

    public DateTimeOffset? LastTryTime { get; set; }

    /// <summary>Set while a worker runs the job; a claim that outlives it (a crashed worker) can be taken again.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public string? LastError { get; set; }
}
