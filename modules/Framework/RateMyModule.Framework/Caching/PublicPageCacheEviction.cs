using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RateMyModule.Framework.Data;

namespace RateMyModule.Framework.Caching;

/// <summary>
/// Frees the memory of cached pages once a change to a module's tables commits. Their keys already name the data
/// generation they were made from, so none would be served again; this only stops them waiting out their lifetime.
/// </summary>
public sealed class PublicPageCacheEviction(DataGenerations generations, IOutputCacheStore store, ILogger<PublicPageCacheEviction> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        generations.Committed += OnCommitted;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        generations.Committed -= OnCommitted;
        return Task.CompletedTask;
    }

    private void OnCommitted(IReadOnlyCollection<Type> contexts)
    {
        if (contexts.All(c => c == typeof(FrameworkDbContext)))
        {
            return;
        }

        _ = EvictAsync();
    }

    private async Task EvictAsync()
    {
        try
        {
            await store.EvictByTagAsync(PublicPageCachePolicy.Tag, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Could not evict cached pages after a data change; they expire on their own");
        }
    }
}
