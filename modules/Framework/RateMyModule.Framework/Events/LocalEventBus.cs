using Microsoft.Extensions.DependencyInjection;

namespace RateMyModule.Framework.Events;

/// <summary>Handles an event published by another module, inside the publisher's scope and transaction.</summary>
public interface ILocalEventHandler<in TEvent>
{
    Task HandleEventAsync(TEvent eventData, CancellationToken cancellationToken);
}

public interface ILocalEventBus
{
    /// <summary>Runs every registered handler now, in the caller's unit of work; a failing handler fails the publisher.</summary>
    Task PublishAsync<TEvent>(TEvent eventData, CancellationToken cancellationToken = default)
        where TEvent : notnull;
}

public sealed class LocalEventBus(IServiceProvider services) : ILocalEventBus
{
    public async Task PublishAsync<TEvent>(TEvent eventData, CancellationToken cancellationToken = default)
        where TEvent : notnull
    {
        foreach (var handler in services.GetServices<ILocalEventHandler<TEvent>>())
        {
            await handler.HandleEventAsync(eventData, cancellationToken);
        }
    }
}

public static class LocalEventServiceCollectionExtensions
{
    public static IServiceCollection AddLocalEventHandler<TEvent, THandler>(this IServiceCollection services)
        where THandler : class, ILocalEventHandler<TEvent>
        => services.AddScoped<ILocalEventHandler<TEvent>, THandler>();
}
