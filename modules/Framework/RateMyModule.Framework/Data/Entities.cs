namespace RateMyModule.Framework.Data;

public interface IEntity<out TKey>
{
    TKey Id { get; }
}

/// <summary>An entity with a GUID key; an empty key is replaced with a time-ordered one when it is first saved.</summary>
public abstract class Entity : IEntity<Guid>
{
    public Guid Id { get; set; }
}

public interface IHasConcurrencyStamp
{
    /// <summary>Changes on every save; a save whose original stamp no longer matches is a lost update.</summary>
    string ConcurrencyStamp { get; set; }
}

/// <summary>The root of a consistency boundary: saved as one, guarded against lost updates by its stamp.</summary>
public abstract class AggregateRoot : Entity, IHasConcurrencyStamp
{
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}

public interface IHasCreationTime
{
    DateTimeOffset CreationTime { get; set; }
}

public interface ICreationAudited : IHasCreationTime
{
    Guid? CreatorId { get; set; }
}

public interface IModificationAudited
{
    DateTimeOffset? LastModificationTime { get; set; }

    Guid? LastModifierId { get; set; }
}

/// <summary>Deleting such an entity only marks it; a query filter hides it unless asked for with <c>IncludeDeleted()</c>.</summary>
public interface ISoftDelete
{
    bool IsDeleted { get; set; }
}

public interface IDeletionAudited : ISoftDelete
{
    DateTimeOffset? DeletionTime { get; set; }

    Guid? DeleterId { get; set; }
}

public interface IFullAudited : ICreationAudited, IModificationAudited, IDeletionAudited;

public abstract class AuditedAggregateRoot : AggregateRoot, ICreationAudited, IModificationAudited
{
    public DateTimeOffset CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public DateTimeOffset? LastModificationTime { get; set; }

    public Guid? LastModifierId { get; set; }
}

public abstract class FullAuditedAggregateRoot : AuditedAggregateRoot, IFullAudited
{
    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletionTime { get; set; }

    public Guid? DeleterId { get; set; }
}
