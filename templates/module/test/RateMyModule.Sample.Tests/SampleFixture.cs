using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Seeding;
using RateMyModule.Framework.Users;
using RateMyModule.TestBase;

namespace RateMyModule.Sample.Tests;

/// <summary>The Sample module over a real SQLite file, seeded (so the Admin role holds its permission); one per test class.</summary>
public sealed class SampleFixture : IAsyncLifetime
{
    private ModuleTestHost? _host;

    public ModuleTestHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public static ClaimsPrincipal Admin { get; } = Principal(FrameworkRoles.Admin);

    /// <summary>A signed-in user whose role holds no permission.</summary>
    public static ClaimsPrincipal Member { get; } = Principal("Member");

    public async Task InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync<SampleModule>();
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

    private static ClaimsPrincipal Principal(string role) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(ClaimTypes.Name, $"{role.ToLowerInvariant()}@example.test"),
            new Claim(ClaimTypes.Role, role),
        ],
        "Test"));
}
