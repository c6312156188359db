using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;

namespace RateMyModule.Framework.Modularity;

public static class ModuleApplicationParts
{
    /// <summary>
    /// Makes a module's Razor Class Library (pages, view components, controllers) part of the app. Explicit, and
    /// safe when MVC's own discovery already found the assembly: a page registered twice would be ambiguous.
    /// </summary>
    public static IServiceCollection AddModuleApplicationPart(this IServiceCollection services, Assembly assembly)
    {
        services.AddMvcCore().ConfigureApplicationPartManager(manager =>
        {
            if (manager.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
            {
                return;
            }

            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
            {
                manager.ApplicationParts.Add(part);
            }
        });
        return services;
    }
}
