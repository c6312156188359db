using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts;
using RateMyModule.Courses;
using RateMyModule.Framework;
using RateMyModule.Framework.Auditing;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Events;
using RateMyModule.Framework.Localization;
using RateMyModule.Framework.Modularity;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Seeding;
using RateMyModule.Reviews.Administration;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;
using RateMyModule.Reviews.EventHandlers;
using RateMyModule.Reviews.Jobs;
using RateMyModule.Reviews.Seeding;

namespace RateMyModule.Reviews;

/// <summary>Reviews, tags, votes, reports and moderation of modules.</summary>
[DependsOn(typeof(FrameworkModule))]
public sealed class ReviewsModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<ReviewsDbContext>(ReviewsDbContext.Name);
        services.AddJsonLocalizationResource<ReviewsResource>(typeof(ReviewsResource).Assembly);
        services.AddPermissionDefinitions<ReviewsPermissionDefinitionProvider>();
        services.AddOptions<ReviewsOptions>()
            .Bind(context.Configuration.GetSection(ReviewsOptions.Section))
            .Validate(o => o.HideThreshold >= 1, "Reviews:HideThreshold must be at least 1.")
            .Validate(o => o.PageSize is >= 1 and <= 100, "Reviews:PageSize must be between 1 and 100.")
            .ValidateOnStart();
        services.Configure<AuditingOptions>(o =>
        {
            o.AuditedEntityTypes.Add(typeof(Review));
            o.AuditedEntityTypes.Add(typeof(Tag));
        });

        services.AddScoped<ReviewsWriteGate>();
        services.AddScoped<ReviewAccess>();
        services.AddScoped<ModuleStatsWriter>();
        services.AddScoped<ModuleStatsRebuilder>();
        services.AddScoped<ReviewService>();
        services.AddScoped<VoteService>();
        services.AddScoped<ReportService>();
        services.AddScoped<ModerationService>();
        services.AddScoped<TagService>();
        services.AddScoped<ReviewListQuery>();
        services.AddScoped<MyReviewsQuery>();
        services.AddScoped<AdminReviewQuery>();
        services.AddScoped<ReportListQuery>();
        services.AddScoped<ModuleStatsQuery>();
        services.AddScoped<IReviewStatistics, ReviewStatistics>();
        services.AddScoped<IModuleRankings, ModuleRankingQuery>();
        services.AddScoped<IPersonalDataContributor, ReviewsPersonalDataContributor>();
        services.AddScoped<IUserActivityContributor, ReviewsUserActivityContributor>();
        services.AddScoped<IUserListCountContributor, ReviewsWrittenListContributor>();

        services.AddLocalEventHandler<AccountDeletedEvent, ReviewsAccountDeletedHandler>();
        services.AddLocalEventHandler<ModuleArchivedEvent, ReviewsModuleArchivedHandler>();
        services.AddLocalEventHandler<ModuleRestoredEvent, ReviewsModuleRestoredHandler>();
        services.AddBackgroundJob<ModeratorDigestJob, ModeratorDigestArgs>();

        services.AddScoped<IDataSeedContributor, ReviewsDemoDataSeedContributor>();
        return Task.CompletedTask;
    }
}
