using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RateMyModule.Framework.Uow;

namespace RateMyModule.Framework.Seeding;

/// <param name="IncludeDemoData">Also add the demo universities, users and reviews (Development, <c>--seed-demo</c>).</param>
public sealed record DataSeedContext(bool IncludeDemoData);

/// <summary>Puts the data a module needs into the database. Must be idempotent: a second run changes nothing.</summary>
public interface IDataSeedContributor
{
    Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken);
}

/// <summary>Runs every contributor, in module order, in one unit of work.</summary>
public sealed class DataSeeder(IServiceScopeFactory scopeFactory, ILogger<DataSeeder> logger)
{
    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        uow.Begin();
        foreach (var contributor in scope.ServiceProvider.GetServices<IDataSeedContributor>())
        {
            logger.LogInformation("Seeding {Contributor}", contributor.GetType().Name);
            await contributor.SeedAsync(context, cancellationToken);
        }

        await uow.CompleteAsync(cancellationToken);
    }
}
