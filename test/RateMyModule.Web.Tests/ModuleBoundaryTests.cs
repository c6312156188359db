using System.Reflection;

namespace RateMyModule.Web.Tests;

/// <summary>
/// A module may use another module only through its Contracts: it never references another module's core or web
/// assembly. Checked over the compiled assemblies the host loads, so a stray project reference fails here. The
/// feature modules are found, not listed: every <c>RateMyModule.X.Contracts</c> next to the tests makes X one, so a
/// module made by scripts/new-module.sh is covered the moment the host references it.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] FeatureModules = Directory.GetFiles(AppContext.BaseDirectory, "RateMyModule.*.Contracts.dll")
        .Select(path => Path.GetFileNameWithoutExtension(path)["RateMyModule.".Length..^".Contracts".Length])
        .ToArray();

    [Fact]
    public void Every_module_folder_is_a_feature_module_the_host_loads()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "RateMyModule.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("RateMyModule.sln not found above the test output.");
        }

        var folders = Directory.GetDirectories(Path.Combine(root, "modules")).Select(path => Path.GetFileName(path))
            .Where(name => name != "Framework").Order(StringComparer.Ordinal).ToList();
        FeatureModules.Order(StringComparer.Ordinal).ShouldBe(folders);
        FeatureModules.ShouldContain("Courses");
    }

    [Fact]
    public void Modules_reference_other_modules_only_through_their_contracts()
    {
        var violations = new List<string>();
        foreach (var assembly in ModuleAssemblies())
        {
            var owner = ModuleOf(assembly.GetName().Name!);
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                var referenced = reference.Name!;
                var other = ModuleOf(referenced);
                if (other is not null && other != owner && !referenced.EndsWith(".Contracts", StringComparison.Ordinal))
                {
                    violations.Add($"{assembly.GetName().Name} references {referenced}");
                }
            }
        }

        violations.ShouldBeEmpty();
    }

    [Fact]
    public void Contracts_reference_no_entity_framework_and_no_aspnet_core()
    {
        foreach (var assembly in ModuleAssemblies().Where(a => a.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal)))
        {
            assembly.GetReferencedAssemblies().Select(r => r.Name!)
                .ShouldNotContain(name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        }
    }

    private static List<Assembly> ModuleAssemblies()
    {
        var directory = AppContext.BaseDirectory;
        var found = Directory.GetFiles(directory, "RateMyModule.*.dll")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Where(name => ModuleOf(name) is not null)
            .Select(name => Assembly.Load(name))
            .ToList();
        found.ShouldNotBeEmpty("the module assemblies should be next to the tests");
        return found;
    }

    private static string? ModuleOf(string assemblyName)
        => FeatureModules.FirstOrDefault(m => assemblyName == $"RateMyModule.{m}" || assemblyName.StartsWith($"RateMyModule.{m}.", StringComparison.Ordinal));
}
