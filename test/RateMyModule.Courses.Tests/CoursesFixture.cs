using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts;
using RateMyModule.Courses.Application;
using RateMyModule.Framework.Events;
using RateMyModule.Framework.Seeding;
using RateMyModule.Framework.Users;
using RateMyModule.Reviews;
using RateMyModule.TestBase;

namespace RateMyModule.Courses.Tests;

/// <summary>The Courses module over a real SQLite file, with test neighbours and an event recorder; one per test class.</summary>
public sealed class CoursesFixture : IAsyncLifetime
{
    private ModuleTestHost? _host;

    public ModuleTestHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public TestAccountLookup Accounts { get; } = new();

    public TestReviewStatistics Reviews { get; } = new();

    public RecordedEvents Events { get; } = new();

    public static ClaimsPrincipal Admin { get; } = Principal(AccountRoles.Admin, null);

    public static ClaimsPrincipal UniversityAdminOf(Guid universityId) => Principal(AccountRoles.UniversityAdmin, universityId);

    public static ClaimsPrincipal Student(Guid universityId) => Principal(AccountRoles.Student, universityId);

    public async Task InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync<CoursesModule>(services =>
        {
            services.AddSingleton<IAccountLookup>(Accounts);
            services.AddSingleton<IEmailDomainRules, TestEmailDomainRules>();
            services.AddSingleton<IReviewStatistics>(Reviews);
            services.AddSingleton(Events);
            services.AddLocalEventHandler<ModuleArchivedEvent, RecordedEvents.Handler<ModuleArchivedEvent>>();
            services.AddLocalEventHandler<ModuleRestoredEvent, RecordedEvents.Handler<ModuleRestoredEvent>>();
            services.AddLocalEventHandler<ModuleCoursesChangedEvent, RecordedEvents.Handler<ModuleCoursesChangedEvent>>();
            services.AddLocalEventHandler<CourseArchivedEvent, RecordedEvents.Handler<CourseArchivedEvent>>();
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

    /// <summary>Runs <paramref name="work"/> in its own unit of work as <paramref name="user"/>.</summary>
    public Task<T> AsAsync<T>(ClaimsPrincipal user, Func<IServiceProvider, Task<T>> work)
        => Host.ScopeAsync(async sp =>
        {
            using var _ = sp.GetRequiredService<ICurrentUser>().Change(user);
            return await work(sp);
        });

    public Task AsAsync(ClaimsPrincipal user, Func<IServiceProvider, Task> work)
        => AsAsync(user, async sp =>
        {
            await work(sp);
            return true;
        });

    /// <summary>A short name no other test university has: it is the university's address, so it is unique.</summary>
    public static string UniqueShortName() => "U" + Guid.NewGuid().ToString("N")[..7];

    public Task<Guid> CreateUniversityAsync(string name, string domain)
        => AsAsync(Admin, sp => sp.GetRequiredService<UniversityAppService>()
            .CreateAsync(new UniversityInput(name, UniqueShortName(), domain, new DateOnly(1900, 1, 1))));

    public Task<Guid> CreateCourseAsync(Guid universityId, string name)
        => AsAsync(Admin, sp => sp.GetRequiredService<CourseAppService>().CreateAsync(new CourseInput(universityId, name, "a student")));

    public Task<Guid> CreateModuleAsync(Guid universityId, string name, string code, params Guid[] courseIds)
        => AsAsync(Admin, sp => sp.GetRequiredService<ModuleAppService>()
            .CreateAsync(new ModuleInput(universityId, name, code, new DateOnly(2020, 9, 1), courseIds)));

    private static ClaimsPrincipal Principal(string role, Guid? universityId)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new(ClaimTypes.Name, $"{role.ToLowerInvariant()}@example.test"),
            new(ClaimTypes.Role, role),
        };
        if (universityId is { } id)
        {
            claims.Add(new Claim(AccountClaimTypes.UniversityId, id.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }
}

/// <summary>Events the catalogue published, in order (test-only).</summary>
public sealed class RecordedEvents
{
    private readonly List<object> _events = [];

    public IReadOnlyList<object> All
    {
        get
        {
            lock (_events)
            {
                return _events.ToList();
            }
        }
    }

    public sealed class Handler<TEvent>(RecordedEvents recorded) : ILocalEventHandler<TEvent>
        where TEvent : notnull
    {
        public Task HandleEventAsync(TEvent eventData, CancellationToken cancellationToken)
        {
            lock (recorded._events)
            {
                recorded._events.Add(eventData);
            }

            return Task.CompletedTask;
        }
    }
}
