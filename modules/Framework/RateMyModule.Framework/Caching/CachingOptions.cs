namespace RateMyModule.Framework.Caching;

/// <summary>
/// Whether the data cache and the public page cache are used (setting <c>Caching__Enabled</c>). On by default;
/// turned off, every request reads the database, which is what a benchmark of the queries themselves needs and a
/// way to rule the caches out when chasing a stale page.
/// </summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    public bool Enabled { get; set; } = true;
}
