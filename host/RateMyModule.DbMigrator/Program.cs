using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RateMyModule.DbMigrator;
using RateMyModule.DbMigrator.ScaleSeeding;
using RateMyModule.Framework.Modularity;
using RateMyModule.Web;
using RateMyModule.Web.Configuration;

// The migrator loads the same module graph as the web host, so a module added there is migrated here too, and
// the same configuration check stops it before it touches the database.
try
{
    ScaleSeedOptions scale;
    try
    {
        scale = ScaleSeedOptions.Parse(args);
    }
    catch (ArgumentException e)
    {
        await Console.Error.WriteLineAsync(e.Message);
        return 2;
    }

    var builder = Host.CreateApplicationBuilder(args);

    // The web module also registers Razor Pages, whose services need a web host; the migrator never resolves them.
    builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true }));
    await builder.AddModulesAsync<RateMyModuleWebModule>();
    builder.Services.AddTransient<ScaleSeeder>().AddTransient<ScaleReviewGenerator>().AddTransient<BenchmarkUserGenerator>();
    using var host = builder.Build();
    var runner = ActivatorUtilities.CreateInstance<MigrationRunner>(host.Services);
    // The large-data mode builds on the demo catalogue, so it brings the demo data with it.
    return await runner.RunAsync(seedDemo: args.Contains("--seed-demo") || scale.IsRequested, scale);
}
catch (InvalidConfigurationException problems)
{
    return ConfigurationProblemReporter.Report(problems, Console.Error);
}
