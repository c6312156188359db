using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts;
using RateMyModule.Courses;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Events;
using RateMyModule.Framework.Seeding;
using RateMyModule.Framework.Users;
using RateMyModule.Reviews;
using RateMyModule.TestBase;

namespace RateMyModule.Notifications.Tests;

/// <summary>
/// The Notifications module over a real SQLite file, with a test catalogue, test recipients and a recording mail
/// queue; jobs run when a test says so, on the fake clock. One per test class.
/// </summary>
public sealed class NotificationsFixture : IAsyncLifetime
{
    private ModuleTestHost? _host;

    public ModuleTestHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public TestCatalogue Catalogue { get; } = new();

    public TestRecipients Recipients { get; } = new();

    public RecordingEmailQueue Email { get; } = new();

    public async Task InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync<NotificationsModule>(services =>
        {
            services.AddSingleton<ICatalogueLookup>(Catalogue);
            services.AddSingleton<IEmailRecipientLookup>(Recipients);
            services.AddSingleton<IEmailQueue>(Email);
        });
        await Host.Services.GetRequiredService<DataSeeder>().SeedAsync(new DataSeedContext(IncludeDemoData: false));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public static ClaimsPrincipal User(Guid id) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id.ToString()), new Claim(ClaimTypes.Role, "Student")], "Test"));

    /// <summary>Runs <paramref name="work"/> in its own unit of work as <paramref name="userId"/> (or nobody).</summary>
    public Task<T> AsAsync<T>(Guid? userId, Func<IServiceProvider, Task<T>> work)
        => Host.ScopeAsync(async sp =>
        {
            using var _ = sp.GetRequiredService<ICurrentUser>().Change(userId is { } id ? User(id) : null);
            return await work(sp);
        });

    public Task AsAsync(Guid? userId, Func<IServiceProvider, Task> work)
        => AsAsync(userId, async sp =>
        {
            await work(sp);
            return true;
        });

    /// <summary>What the Reviews module does when a review is written: the event, inside the writing unit of work.</summary>
    public Task PublishReviewAsync(Guid moduleId, Guid authorId, int overall = 4)
        => AsAsync(authorId, sp => sp.GetRequiredService<ILocalEventBus>()
            .PublishAsync(new ReviewPublishedEvent(Guid.NewGuid(), moduleId, authorId, overall, Host.Clock.GetUtcNow())));

    public Task PublishModerationAsync(Guid moduleId, Guid authorId, ReviewModerationOutcome outcome, ReportReason? reason)
        => AsAsync(null, sp => sp.GetRequiredService<ILocalEventBus>()
            .PublishAsync(new ReviewModeratedEvent(Guid.NewGuid(), moduleId, authorId, outcome, reason, Host.Clock.GetUtcNow())));

    public Task FollowAsync(Guid userId, Guid moduleId, FollowDelivery delivery = FollowDelivery.Immediate)
        => AsAsync(userId, async sp =>
        {
            var follows = sp.GetRequiredService<Application.FollowService>();
            await follows.FollowAsync(moduleId);
            await follows.SetDeliveryAsync(moduleId, delivery);
        });

    /// <summary>Moves the fake clock on and runs every job due by then (a job may queue another: run until none is due).</summary>
    public async Task PassAsync(TimeSpan time)
    {
        Host.Clock.Advance(time);
        var executor = Host.Services.GetRequiredService<BackgroundJobExecutor>();
        while (await executor.RunDueJobsAsync() > 0)
        {
        }
    }
}
