using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RateMyModule.Framework.Modularity;

namespace RateMyModule.Framework.Tests.Modularity;

public sealed class ModuleLifecycleTests
{
    [Fact]
    public async Task Configures_and_initialises_in_dependency_order_and_shuts_down_in_reverse()
    {
        var journal = new Journal();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(journal);
        Journal.Current = journal;
        await builder.AddModulesAsync<AppLevelModule>();
        using var host = builder.Build();
        await host.InitializeModulesAsync();
        await host.StartAsync();
        await host.StopAsync();

        journal.Entries.ShouldBe(
        [
            "configure:Kernel", "configure:Feature", "configure:AppLevel",
            "init:Kernel", "init:Feature", "init:AppLevel",
            "shutdown:AppLevel", "shutdown:Feature", "shutdown:Kernel",
        ]);
    }

    public sealed class Journal
    {
        // The loader creates module instances itself, so they reach the journal through this test-only slot.
        public static Journal Current { get; set; } = new();

        public List<string> Entries { get; } = [];
    }

    public abstract class RecordingModule(string name) : AppModule
    {
        public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
        {
            Journal.Current.Entries.Add($"configure:{name}");
            return Task.CompletedTask;
        }

        public override Task OnApplicationInitializationAsync(ApplicationInitializationContext context)
        {
            context.ServiceProvider.GetRequiredService<Journal>().Entries.Add($"init:{name}");
            return Task.CompletedTask;
        }

        public override Task OnApplicationShutdownAsync(ApplicationShutdownContext context)
        {
            context.ServiceProvider.GetRequiredService<Journal>().Entries.Add($"shutdown:{name}");
            return Task.CompletedTask;
        }
    }

    public sealed class KernelModule() : RecordingModule("Kernel");

    [DependsOn(typeof(KernelModule))]
    public sealed class FeatureModule() : RecordingModule("Feature");

    [DependsOn(typeof(FeatureModule), typeof(KernelModule))]
    public sealed class AppLevelModule() : RecordingModule("AppLevel");
}
