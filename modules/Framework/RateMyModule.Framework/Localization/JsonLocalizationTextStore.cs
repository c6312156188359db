using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;

namespace RateMyModule.Framework.Localization;

/// <summary>
/// Reads a resource's embedded JSON files once and keeps them: every culture file of a resource is parsed on the
/// first lookup, and concurrent first lookups parse it only once.
/// </summary>
public sealed class JsonLocalizationTextStore
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly ConcurrentDictionary<Type, Lazy<FrozenDictionary<string, FrozenDictionary<string, string>>>> _cache = new();

    /// <summary>The texts of <paramref name="resource"/> for exactly <paramref name="culture"/> (empty when it has no such file).</summary>
    public IReadOnlyDictionary<string, string> GetTexts(JsonLocalizationResource resource, string culture)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var cultures = _cache.GetOrAdd(
            resource.ResourceType,
            _ => new Lazy<FrozenDictionary<string, FrozenDictionary<string, string>>>(
                () => Load(resource), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        return cultures.TryGetValue(culture, out var texts) ? texts : FrozenDictionary<string, string>.Empty;
    }

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load(JsonLocalizationResource resource)
    {
        // MSBuild names an embedded file "{RootNamespace}.{folders with dots}.{file}"; the root namespace is the
        // project's business, so the folder path is matched as a suffix.
        var folder = "." + resource.ResourcePath.Replace('/', '.').Replace('\\', '.').Trim('.') + ".";
        var byCulture = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var manifestName in resource.Assembly.GetManifestResourceNames())
        {
            var culture = CultureOfFile("." + manifestName, folder);
            if (culture is null)
            {
                continue;
            }

            byCulture[culture] = Parse(resource, manifestName, culture);
        }

        if (byCulture.Count == 0)
        {
            throw new InvalidOperationException(
                $"The localization resource {resource.Name} has no JSON files: expected embedded '{resource.ResourcePath}/<culture>.json' " +
                $"in {resource.Assembly.GetName().Name} (add <EmbeddedResource Include=\"{resource.ResourcePath.Replace('/', '\\')}\\*.json\" /> to its project).");
        }

        return byCulture.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static string? CultureOfFile(string manifestName, string folder)
    {
        var at = manifestName.LastIndexOf(folder, StringComparison.OrdinalIgnoreCase);
        if (at < 0 || !manifestName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var fileName = manifestName[(at + folder.Length)..];
        var culture = fileName[..^".json".Length];
        return culture.Length > 0 && !culture.Contains('.', StringComparison.Ordinal) ? culture : null;
    }

    private static FrozenDictionary<string, string> Parse(JsonLocalizationResource resource, string manifestName, string culture)
    {
        using var stream = resource.Assembly.GetManifestResourceStream(manifestName)
            ?? throw new InvalidOperationException($"The embedded file {manifestName} could not be opened.");
        JsonLocalizationFile? file;
        try
        {
            file = JsonSerializer.Deserialize<JsonLocalizationFile>(stream, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The localization file {manifestName} is not valid JSON: {e.Message}", e);
        }

        if (file?.Texts is null || !string.Equals(file.Culture, culture, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"The localization file {manifestName} must look like {{ \"culture\": \"{culture}\", \"texts\": {{ \"Key\": \"Text\" }} }}.");
        }

        return file.Texts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record JsonLocalizationFile(string? Culture, Dictionary<string, string>? Texts);
}
