using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts;
using RateMyModule.Framework;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Events;
using RateMyModule.Framework.Localization;
using RateMyModule.Framework.Modularity;
using RateMyModule.Notifications.Application;
using RateMyModule.Notifications.Data;
using RateMyModule.Notifications.EventHandlers;
using RateMyModule.Notifications.Mail;
using RateMyModule.Reviews;

namespace RateMyModule.Notifications;

/// <summary>
/// Follows of modules, in-site notifications and the mails about them. It knows other modules only through their
/// Contracts: reviews through Reviews' events, users through Accounts', modules through the catalogue's lookup.
/// </summary>
[DependsOn(typeof(FrameworkModule))]
public sealed class NotificationsModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<NotificationsDbContext>(NotificationsDbContext.Name);
        services.AddJsonLocalizationResource<NotificationsResource>(typeof(NotificationsResource).Assembly);
        services.AddOptions<NotificationsOptions>()
            .Bind(context.Configuration.GetSection(NotificationsOptions.Section))
            // PUBLIC_URL, the address every other mailed link is built on, unless this module is told otherwise.
            .PostConfigure(o => o.SiteUrl ??= context.Configuration["PUBLIC_URL"] is { Length: > 0 } publicUrl ? publicUrl : null)
            .Validate(o => o.GatherDelay >= TimeSpan.Zero, "Notifications:GatherDelay cannot be negative.")
            .Validate(o => o.MinimumInterval >= TimeSpan.Zero, "Notifications:MinimumInterval cannot be negative.")
            .Validate(o => o.DigestHourUtc is >= 0 and <= 23, "Notifications:DigestHourUtc must be between 0 and 23.")
            .Validate(o => o.UnsubscribeLinkLifetime > TimeSpan.Zero, "Notifications:UnsubscribeLinkLifetime must be positive.")
            .Validate(o => o.SiteUrl is null || Uri.TryCreate(o.SiteUrl, UriKind.Absolute, out _), "Notifications:SiteUrl must be an absolute URL.")
            .ValidateOnStart();

        services.AddScoped<FollowService>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<Unsubscriber>();
        services.AddScoped<UnsubscribeTokens>();
        services.AddScoped<SiteAddress>();
        services.AddScoped<MailScheduler>();
        services.AddScoped<IPersonalDataContributor, NotificationsPersonalDataContributor>();
        services.AddLocalEventHandler<ReviewPublishedEvent, ReviewPublishedHandler>();
        services.AddLocalEventHandler<ReviewModeratedEvent, ReviewModeratedHandler>();
        services.AddLocalEventHandler<AccountDeletedEvent, NotificationsAccountDeletedHandler>();
        services.AddBackgroundJob<FollowerMailJob, FollowerMailArgs>();
        services.AddBackgroundJob<ModerationMailJob, ModerationMailArgs>();
        return Task.CompletedTask;
    }
}
