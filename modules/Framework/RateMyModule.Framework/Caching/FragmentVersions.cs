using System.Globalization;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Data;

namespace RateMyModule.Framework.Caching;

/// <summary>
/// Stamps for views' <c>&lt;cache&gt;</c> fragments rendered from a module's data: a fragment cached under a stamp is
/// good until a change to that module's tables commits, which moves the stamp (<see cref="DataGenerations"/>). Take
/// the stamp before reading what the fragment shows, as <see cref="DataCache"/> does: a write that commits after
/// that moves it, so its readers never get a fragment rendered before it.
/// </summary>
public sealed class FragmentVersions(DataGenerations generations, IOptions<CachingOptions> options)
{
    /// <summary>The stamp for fragments of <typeparamref name="TContext"/>'s data; null (do not cache) while caching
    /// is off or a change to those tables is committing.</summary>
    public string? Of<TContext>()
        => !options.Value.Enabled || generations.IsChanging(Sources<TContext>.Types)
            ? null
            : generations.Of(typeof(TContext)).ToString(CultureInfo.InvariantCulture);

    // Asked on every page view: one list per context type, not one per call.
    private static class Sources<TContext>
    {
        public static readonly Type[] Types = [typeof(TContext)];
    }
}
