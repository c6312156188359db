namespace RateMyModule.Framework.Modularity;

/// <summary>
/// A unit of the product. The loader calls <see cref="ConfigureServicesAsync"/> on every module in dependency
/// order, then <see cref="OnApplicationInitializationAsync"/> in the same order, and
/// <see cref="OnApplicationShutdownAsync"/> in reverse, so a module can rely on what its dependencies set up.
/// </summary>
public abstract class AppModule
{
    public virtual Task ConfigureServicesAsync(ServiceConfigurationContext context) => Task.CompletedTask;

    public virtual Task OnApplicationInitializationAsync(ApplicationInitializationContext context) => Task.CompletedTask;

    public virtual Task OnApplicationShutdownAsync(ApplicationShutdownContext context) => Task.CompletedTask;
}
