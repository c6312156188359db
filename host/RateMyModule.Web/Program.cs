using RateMyModule.Framework.Modularity;
using RateMyModule.Web;
using RateMyModule.Web.Configuration;

try
{
    var builder = WebApplication.CreateBuilder(args);
    await builder.AddModulesAsync<RateMyModuleWebModule>();
    var app = builder.Build();
    await app.InitializeModulesAsync();
    await app.RunAsync();
    return 0;
}
catch (InvalidConfigurationException problems)
{
    return ConfigurationProblemReporter.Report(problems, Console.Error);
}

/// <summary>Entry point; public so that tests can start the host with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
