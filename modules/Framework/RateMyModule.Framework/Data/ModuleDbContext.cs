using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RateMyModule.Framework.Data;

/// <summary>
/// The base of every module's DbContext: soft-delete filter, concurrency stamps, and lost updates reported as
/// <see cref="ConcurrencyConflictException"/> instead of EF's own exception.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    public const string SoftDeleteFilter = "SoftDelete";

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var name = (e.Entries.Count > 0 ? e.Entries[0].Metadata.ClrType.Name : null) ?? "record";
            throw new ConcurrencyConflictException(name, e);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var name = (e.Entries.Count > 0 ? e.Entries[0].Metadata.ClrType.Name : null) ?? "record";
            throw new ConcurrencyConflictException(name, e);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset values; stored as ticks they sort and filter in SQL.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    /// <summary>SQLite's case-insensitive collation, which modules name for columns compared and sorted ignoring case.</summary>
    public const string NoCaseCollation = "NOCASE";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        if (Database.IsNpgsql())
        {
            UseCaseInsensitiveText(modelBuilder);
        }

        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => t.BaseType is null && !t.IsOwned()).ToList())
        {
            var clrType = entityType.ClrType;
            var builder = modelBuilder.Entity(clrType);
            if (typeof(Entity).IsAssignableFrom(clrType))
            {
                builder.Property(nameof(Entity.Id)).HasValueGeneratorFactory<SequentialGuidValueGeneratorFactory>();
            }

            if (typeof(IHasConcurrencyStamp).IsAssignableFrom(clrType))
            {
                builder.Property(nameof(IHasConcurrencyStamp.ConcurrencyStamp)).IsConcurrencyToken().HasMaxLength(40);
            }

            if (typeof(ISoftDelete).IsAssignableFrom(clrType))
            {
                builder.HasQueryFilter(SoftDeleteFilter, NotDeleted(clrType));
            }
        }
    }

    /// <summary>
    /// PostgreSQL has no NOCASE collation, and its case-insensitive (nondeterministic) collations refuse LIKE; the
    /// citext type compares, sorts, indexes uniquely and matches LIKE ignoring case, which is what NOCASE promised.
    /// </summary>
    private static void UseCaseInsensitiveText(ModelBuilder modelBuilder)
    {
        var properties = modelBuilder.Model.GetEntityTypes()
            .SelectMany(t => t.GetDeclaredProperties())
            .Where(p => string.Equals(p.GetCollation(), NoCaseCollation, StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var property in properties)
        {
            property.SetCollation(null);
            property.SetColumnType("citext");
        }

        if (properties.Count > 0)
        {
            modelBuilder.HasPostgresExtension("citext");
        }
    }

    private static LambdaExpression NotDeleted(Type type)
    {
        var entity = Expression.Parameter(type, "e");
        var isDeleted = Expression.Property(entity, nameof(ISoftDelete.IsDeleted));
        return Expression.Lambda(Expression.Not(isDeleted), entity);
    }
}
