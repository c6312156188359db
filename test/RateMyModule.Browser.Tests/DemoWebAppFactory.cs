using RateMyModule.TestBase;

namespace RateMyModule.Browser.Tests;

/// <summary>The real host over the demo data, as a newcomer finds the site.</summary>
public sealed class DemoWebAppFactory : WebAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" };
}
