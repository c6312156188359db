using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RateMyModule.Framework.BackgroundJobs;

public static class BackgroundJobServiceCollectionExtensions
{
    /// <summary>
    /// The job queue: the manager, the admin store, the executor, and the polling worker unless
    /// <c>BackgroundJobs:IsEnabled</c> is false (a web replica that should only serve pages, or a test).
    /// </summary>
    public static IServiceCollection AddFrameworkBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(BackgroundJobOptions.SectionName);
        services.AddOptions<BackgroundJobOptions>()
            .Bind(section)
            .Validate(o => o.PollInterval > TimeSpan.Zero, "BackgroundJobs:PollInterval must be positive.")
            .Validate(o => o.LockTimeout > TimeSpan.Zero, "BackgroundJobs:LockTimeout must be positive.")
            .Validate(o => o.FinishedJobRetention > TimeSpan.Zero, "BackgroundJobs:FinishedJobRetention must be positive.")
            .Validate(o => o.BatchSize >= 1, "BackgroundJobs:BatchSize must be at least 1.")
            // Bounded so that the longest back-off (InitialRetryDelay * 2^(MaxTryCount - 2)) stays a representable date.
            .Validate(o => o.MaxTryCount is >= 1 and <= 20, "BackgroundJobs:MaxTryCount must be between 1 and 20.")
            .Validate(
                o => o.InitialRetryDelay > TimeSpan.Zero && o.InitialRetryDelay <= TimeSpan.FromDays(1),
                "BackgroundJobs:InitialRetryDelay must be positive and at most one day.")
            .ValidateOnStart();

        services.AddScoped<IBackgroundJobManager, BackgroundJobManager>();
        services.AddScoped<IBackgroundJobStore, BackgroundJobStore>();
        services.AddSingleton<BackgroundJobExecutor>();
        if (section.GetValue(nameof(BackgroundJobOptions.IsEnabled), defaultValue: true))
        {
            services.AddHostedService<BackgroundJobWorker>();
        }

        return services;
    }

    /// <summary>Registers <typeparamref name="TJob"/> as the job run for every enqueued <typeparamref name="TArgs"/>.</summary>
    public static IServiceCollection AddBackgroundJob<TJob, TArgs>(this IServiceCollection services)
        where TJob : class, IBackgroundJob<TArgs>
    {
        services.AddTransient<TJob>();
        services.Configure<BackgroundJobOptions>(o => o.AddJob<TJob, TArgs>());
        return services;
    }
}
