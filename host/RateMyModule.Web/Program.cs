using RateMyModule.Framework.Modularity;
using RateMyModule.Web;

var builder = WebApplication.CreateBuilder(args);
await builder.AddModulesAsync<RateMyModuleWebModule>();
var app = builder.Build();
await app.InitializeModulesAsync();
await app.RunAsync();

/// <summary>Entry point; public so that tests can start the host with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
