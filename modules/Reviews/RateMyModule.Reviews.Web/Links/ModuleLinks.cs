using RateMyModule.Courses;

namespace RateMyModule.Reviews.Web.Links;

/// <summary>
/// A module's public address (<see cref="CataloguePaths"/>) from its id, through the catalogue's cached lookups.
/// The id address answers with a permanent redirect, so it is what a link falls back to if the catalogue is gone.
/// </summary>
public sealed class ModuleLinks(ICatalogueLookup catalogue)
{
    public async Task<string> PathAsync(Guid moduleId, CancellationToken cancellationToken = default)
    {
        var module = await catalogue.GetModuleAsync(moduleId, cancellationToken);
        var university = module is null ? null : await catalogue.GetUniversityAsync(module.UniversityId, cancellationToken);
        return module is null || university is null ? ById(moduleId) : CataloguePaths.Module(university, module);
    }

    /// <summary>The addresses of many modules in two cached calls, for lists.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> PathsAsync(IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default)
    {
        var ids = moduleIds.Distinct().ToList();
        var modules = ids.Count == 0 ? [] : await catalogue.GetModulesAsync(ids, cancellationToken);
        var universities = (await catalogue.GetUniversitiesAsync(cancellationToken)).ToDictionary(u => u.Id);
        var found = modules
            .Where(m => universities.ContainsKey(m.UniversityId))
            .ToDictionary(m => m.Id, m => CataloguePaths.Module(universities[m.UniversityId], m));
        return ids.ToDictionary(id => id, id => found.GetValueOrDefault(id) ?? ById(id));
    }

    public static string ById(Guid moduleId) => $"/Modules/{moduleId}";
}
