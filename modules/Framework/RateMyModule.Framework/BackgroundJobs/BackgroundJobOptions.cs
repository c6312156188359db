namespace RateMyModule.Framework.BackgroundJobs;

/// <summary>Bound from the <c>BackgroundJobs</c> configuration section; job registrations are added in code.</summary>
public sealed class BackgroundJobOptions
{
    public const string SectionName = "BackgroundJobs";

    private readonly Dictionary<string, BackgroundJobDefinition> _jobs = new(StringComparer.Ordinal);

    /// <summary>Whether this process runs the worker. Off in tests and in replicas that should only serve pages.</summary>
    public bool IsEnabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tries before a job is abandoned, the first one included.</summary>
    public int MaxTryCount { get; set; } = 5;

    /// <summary>The wait after the first failure; it doubles after each further failure.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claim lasts: a job whose worker died is picked up again once it expires.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a succeeded or abandoned job stays listed (and its args stored) before the worker deletes it.</summary>
    public TimeSpan FinishedJobRetention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The most due jobs one poll picks up.</summary>
    public int BatchSize { get; set; } = 10;

    public IReadOnlyDictionary<string, BackgroundJobDefinition> Jobs => _jobs;

    public void AddJob<TJob, TArgs>()
        where TJob : class, IBackgroundJob<TArgs>
    {
        var definition = BackgroundJobDefinition.Create<TJob, TArgs>();
        if (_jobs.TryGetValue(definition.Name, out var existing) && (existing.JobType != typeof(TJob) || existing.ArgsType != typeof(TArgs)))
        {
            throw new InvalidOperationException(
                $"Background job name '{definition.Name}' is already used by {existing.JobType.FullName}; give {typeof(TArgs).FullName} its own [BackgroundJobName].");
        }

        _jobs[definition.Name] = definition;
    }

    public BackgroundJobDefinition? FindByArgsType(Type argsType)
        => _jobs.TryGetValue(BackgroundJobNameAttribute.GetName(argsType), out var definition) && definition.ArgsType == argsType
            ? definition
            : null;

    /// <summary>The wait after the <paramref name="tryCount"/>-th failed try: exponential back-off.</summary>
    public TimeSpan RetryDelay(int tryCount)
        => InitialRetryDelay * Math.Pow(2, Math.Max(tryCount, 1) - 1);
}
