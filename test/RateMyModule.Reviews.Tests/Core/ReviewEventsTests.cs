using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts;
using RateMyModule.Courses;
using RateMyModule.Framework.Events;
using RateMyModule.Framework.Seeding;
using RateMyModule.Framework.Users;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Domain;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;

namespace RateMyModule.Reviews.Tests.Core;

/// <summary>The Reviews module with a recorder of the events it publishes for other modules (Notifications).</summary>
public sealed class ReviewEventsFixture : IAsyncLifetime
{
    public ModuleTestHost Host { get; private set; } = null!;

    public TestCatalogue Catalogue { get; } = new();

    public ConcurrentQueue<object> Published { get; } = new();

    public async Task InitializeAsync()
    {
        Host = await ModuleTestHost.StartAsync<ReviewsModule>(services =>
        {
            services.AddSingleton<ICatalogueLookup>(Catalogue);
            services.AddSingleton<IAccountLookup>(new TestAccounts(Catalogue));
            services.AddSingleton<IEmailQueue>(new TestEmailQueue());
            services.AddSingleton(this);
            services.AddLocalEventHandler<ReviewPublishedEvent, Recorder<ReviewPublishedEvent>>();
            services.AddLocalEventHandler<ReviewModeratedEvent, Recorder<ReviewModeratedEvent>>();
        },
        // Reports do not hide a review here, so that a test reports it three times and the moderator decides alone.
        new Dictionary<string, string?> { ["Reviews:HideThreshold"] = "10" });
        await Host.Services.GetRequiredService<DataSeeder>().SeedAsync(new DataSeedContext(IncludeDemoData: false));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public Task<T> AsAsync<T>(System.Security.Claims.ClaimsPrincipal user, Func<IServiceProvider, Task<T>> work) =>
        Host.ScopeAsync(async sp =>
        {
            using var _ = sp.GetRequiredService<ICurrentUser>().Change(user);
            return await work(sp);
        });

    public sealed class Recorder<TEvent>(ReviewEventsFixture fixture) : ILocalEventHandler<TEvent>
        where TEvent : notnull
    {
        public Task HandleEventAsync(TEvent eventData, CancellationToken cancellationToken)
        {
            fixture.Published.Enqueue(eventData);
            return Task.CompletedTask;
        }
    }
}

public sealed class ReviewEventsTests(ReviewEventsFixture app) : IClassFixture<ReviewEventsFixture>
{
    [Fact]
    public async Task Writing_a_review_publishes_it_to_other_modules_with_module_author_and_rating()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Published Module");
        var author = Guid.NewGuid();
        var id = await app.AsAsync(TestPrincipals.Student(author), sp => sp.GetRequiredService<ReviewService>()
            .CreateAsync(module.Id, new ReviewInput(5, null, null, null, "Worth following", 2024, [])));

        var published = app.Published.OfType<ReviewPublishedEvent>().Where(e => e.ReviewId == id).ShouldHaveSingleItem();
        published.ModuleId.ShouldBe(module.Id);
        published.AuthorId.ShouldBe(author);
        published.Overall.ShouldBe(5);
    }

    [Fact]
    public async Task Hiding_restoring_and_deleting_publish_the_outcome_and_the_most_reported_category_never_the_reporter()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Moderated Module");
        var author = Guid.NewGuid();
        var review = await app.AsAsync(TestPrincipals.Student(author), sp => sp.GetRequiredService<ReviewService>()
            .CreateAsync(module.Id, new ReviewInput(1, null, null, null, "Reported text", 2024, [])));
        foreach (var reason in new[] { ReportReason.Spam, ReportReason.FalseInformation, ReportReason.FalseInformation })
        {
            await app.AsAsync(TestPrincipals.Student(Guid.NewGuid()), async sp =>
            {
                await sp.GetRequiredService<ReportService>().ReportAsync(review, reason);
                return true;
            });
        }

        var moderator = TestPrincipals.Moderator(Guid.NewGuid(), TestCatalogue.UniversityA);
        Task Decide(ModerationDecision decision) => app.AsAsync(moderator, async sp =>
        {
            await sp.GetRequiredService<ModerationService>().DecideAsync(review, decision, "note");
            return true;
        });

        await Decide(ModerationDecision.Hide);
        await Decide(ModerationDecision.Dismiss);
        await Decide(ModerationDecision.Delete);

        var moderated = app.Published.OfType<ReviewModeratedEvent>().Where(e => e.ReviewId == review).ToList();
        moderated.Select(e => e.Outcome).ShouldBe([ReviewModerationOutcome.Hidden, ReviewModerationOutcome.Restored, ReviewModerationOutcome.Deleted]);
        moderated.ShouldAllBe(e => e.AuthorId == author && e.ModuleId == module.Id);
        moderated[0].Reason.ShouldBe(ReportReason.FalseInformation);
        moderated[1].Reason.ShouldBeNull("the reports were solved by the first decision");
        typeof(ReviewModeratedEvent).GetProperties().Select(p => p.Name).ShouldNotContain(n => n.Contains("Reporter", StringComparison.Ordinal));
    }
}
