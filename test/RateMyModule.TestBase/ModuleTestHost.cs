using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Modularity;
using RateMyModule.Framework.Uow;

namespace RateMyModule.TestBase;

/// <summary>
/// A module graph without HTTP: the real services over a migrated database (<see cref="TestDatabase"/>) and a fake clock. Build one per
/// fixture; use <see cref="ScopeAsync"/> for each unit of work a test needs.
/// </summary>
public sealed class ModuleTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TestDatabase? _ownedDatabase;

    private ModuleTestHost(IHost host, TestDatabase? ownedDatabase, FakeTimeProvider clock)
    {
        _host = host;
        _ownedDatabase = ownedDatabase;
        Clock = clock;
    }

    public IServiceProvider Services => _host.Services;

    public FakeTimeProvider Clock { get; }

    public static async Task<ModuleTestHost> StartAsync<TStartupModule>(
        Action<IServiceCollection>? configureServices = null,
        IDictionary<string, string?>? configuration = null,
        TestDatabase? database = null,
        bool startHostedServices = false)
        where TStartupModule : AppModule
    {
        var owned = database is null ? new TestDatabase() : null;
        var db = database ?? owned!;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(db.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["BackgroundJobs:IsEnabled"] = "false" });
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        await builder.AddModulesAsync<TStartupModule>();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(clock);
        configureServices?.Invoke(builder.Services);

        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        if (startHostedServices)
        {
            await host.StartAsync();
        }

        return new ModuleTestHost(host, owned, clock);
    }

    /// <summary>Runs <paramref name="work"/> in a new scope and unit of work, committing when it returns.</summary>
    public async Task ScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        uow.Begin();
        await work(scope.ServiceProvider);
        await uow.CompleteAsync();
    }

    public async Task<T> ScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        uow.Begin();
        var result = await work(scope.ServiceProvider);
        await uow.CompleteAsync();
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _ownedDatabase?.Dispose();
    }
}
