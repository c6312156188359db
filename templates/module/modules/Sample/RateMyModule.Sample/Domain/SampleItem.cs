using RateMyModule.Framework.Data;

namespace RateMyModule.Sample.Domain;

/// <summary>One item of the Sample module. Its name is unique, whatever its letter case.</summary>
public sealed class SampleItem : AuditedAggregateRoot
{
    public string Name { get; set; } = "";

    /// <summary>Collapses runs of spaces and trims, so "  a   b " and "a b" are one name.</summary>
    public static string Tidy(string? name) =>
        string.Join(' ', (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
