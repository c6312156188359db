using System.Reflection;

namespace RateMyModule.Framework.Modularity;

/// <summary>
/// Walks <see cref="DependsOnAttribute"/> from the startup module and returns every module in dependency order
/// (each after everything it depends on), failing fast with the name of a missing or cyclic module.
/// </summary>
public static class ModuleLoader
{
    public static IReadOnlyList<AppModuleDescriptor> Load(Type startupModuleType)
    {
        var ordered = new List<AppModuleDescriptor>();
        var done = new HashSet<Type>();
        var path = new List<Type>();
        Visit(startupModuleType, dependant: null, ordered, done, path);
        return ordered;
    }

    private static List<Type> ReadDependencies(Type type)
    {
        try
        {
            return type.GetCustomAttributes<DependsOnAttribute>()
                .SelectMany(a => a.DependedModuleTypes)
                .Distinct()
                .ToList();
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException)
        {
            // An assembly named in [DependsOn] is absent from the output: say which module asked for it.
            throw new ModuleLoadException($"Module {type.Name} depends on a module that could not be loaded: {e.Message}");
        }
    }

    private static void Visit(Type type, Type? dependant, List<AppModuleDescriptor> ordered, HashSet<Type> done, List<Type> path)
    {
        if (done.Contains(type))
        {
            return;
        }

        if (path.Contains(type))
        {
            var cycle = path.Skip(path.IndexOf(type)).Append(type).Select(t => t.Name);
            throw new ModuleLoadException($"Module dependency cycle: {string.Join(" -> ", cycle)}.");
        }

        if (!typeof(AppModule).IsAssignableFrom(type) || type.IsAbstract)
        {
            var by = dependant is null ? "as the startup module" : $"by {dependant.Name}";
            throw new ModuleLoadException($"{type.Name} is referenced {by} but is not a concrete AppModule.");
        }

        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ModuleLoadException($"Module {type.Name} needs a public parameterless constructor.");
        }

        path.Add(type);
        var dependencies = ReadDependencies(type);
        foreach (var dependency in dependencies)
        {
            if (dependency is null)
            {
                throw new ModuleLoadException($"Module {type.Name} depends on a module that could not be found (null type).");
            }

            Visit(dependency, type, ordered, done, path);
        }

        path.RemoveAt(path.Count - 1);
        done.Add(type);
        ordered.Add(new AppModuleDescriptor(type, (AppModule)Activator.CreateInstance(type)!, dependencies));
    }
}

public sealed class ModuleLoadException(string message) : Exception(message);
