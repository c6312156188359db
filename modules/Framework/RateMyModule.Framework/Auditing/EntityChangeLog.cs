namespace RateMyModule.Framework.Auditing;

public enum EntityChangeType
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
}

/// <summary>One saved change to an audited entity: who, when, which entity, each property old → new.</summary>
public sealed class EntityChangeLog
{
    public Guid Id { get; set; }

    public DateTimeOffset ChangeTime { get; set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public EntityChangeType ChangeType { get; set; }

    public List<PropertyChange> PropertyChanges { get; set; } = [];
}

public sealed class PropertyChange
{
    public string PropertyName { get; set; } = "";

    public string? OriginalValue { get; set; }

    public string? NewValue { get; set; }
}
