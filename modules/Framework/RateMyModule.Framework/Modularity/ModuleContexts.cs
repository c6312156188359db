using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RateMyModule.Framework.Modularity;

public sealed class ServiceConfigurationContext(
    IServiceCollection services,
    IConfiguration configuration,
    IHostEnvironment environment,
    IReadOnlyList<AppModuleDescriptor> modules)
{
    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;

    public IHostEnvironment Environment { get; } = environment;

    public IReadOnlyList<AppModuleDescriptor> Modules { get; } = modules;
}

public sealed class ApplicationInitializationContext(IServiceProvider serviceProvider, object? application)
{
    public IServiceProvider ServiceProvider { get; } = serviceProvider;

    /// <summary>The host's application builder (a <c>WebApplication</c> in the web host), null in a console.</summary>
    public object? Application { get; } = application;
}

public sealed class ApplicationShutdownContext(IServiceProvider serviceProvider)
{
    public IServiceProvider ServiceProvider { get; } = serviceProvider;
}
