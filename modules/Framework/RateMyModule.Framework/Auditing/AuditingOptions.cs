namespace RateMyModule.Framework.Auditing;

public sealed class AuditingOptions
{
    /// <summary>Entity types whose every change is written to the entity-change audit log (modules opt in).</summary>
    public HashSet<Type> AuditedEntityTypes { get; } = [];
}
