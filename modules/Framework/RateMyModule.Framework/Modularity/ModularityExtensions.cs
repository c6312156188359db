using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RateMyModule.Framework.Modularity;

public static class ModularityExtensions
{
    /// <summary>Loads the module graph from <typeparamref name="TStartupModule"/> and configures each module's services.</summary>
    public static async Task<IReadOnlyList<AppModuleDescriptor>> AddModulesAsync<TStartupModule>(this IHostApplicationBuilder builder)
        where TStartupModule : AppModule
    {
        var modules = ModuleLoader.Load(typeof(TStartupModule));
        var container = new ModuleContainer(modules);
        builder.Services.AddSingleton(container);
        builder.Services.AddHostedService<ModuleShutdownService>();
        var context = new ServiceConfigurationContext(builder.Services, builder.Configuration, builder.Environment, modules);
        foreach (var module in modules)
        {
            await module.Instance.ConfigureServicesAsync(context);
        }

        return modules;
    }

    /// <summary>Initialises every module in dependency order; call once the host is built, before it runs.</summary>
    public static async Task InitializeModulesAsync(this IHost host)
    {
        var container = host.Services.GetRequiredService<ModuleContainer>();
        var context = new ApplicationInitializationContext(host.Services, host);
        foreach (var module in container.Modules)
        {
            await module.Instance.OnApplicationInitializationAsync(context);
        }
    }
}

/// <summary>The loaded modules, in dependency order, for anything that needs to enumerate them at run time.</summary>
public sealed class ModuleContainer(IReadOnlyList<AppModuleDescriptor> modules)
{
    public IReadOnlyList<AppModuleDescriptor> Modules { get; } = modules;
}

/// <summary>Runs the modules' shutdown hooks in reverse dependency order when the host stops.</summary>
internal sealed class ModuleShutdownService(ModuleContainer container, IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var context = new ApplicationShutdownContext(services);
        foreach (var module in container.Modules.Reverse())
        {
            await module.Instance.OnApplicationShutdownAsync(context);
        }
    }
}
