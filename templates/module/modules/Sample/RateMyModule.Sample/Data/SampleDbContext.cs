using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Data;
using RateMyModule.Sample.Domain;

namespace RateMyModule.Sample.Data;

/// <summary>The Sample module's tables, prefixed with its name; names compare case-insensitively (NOCASE).</summary>
public sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : ModuleDbContext(options)
{
    public const string Name = "Sample";

    public DbSet<SampleItem> Items => Set<SampleItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SampleItem>(b =>
        {
            b.ToTable("SampleItems");
            b.Property(i => i.Name).HasMaxLength(SampleLimits.NameMax).UseCollation("NOCASE");
            b.HasIndex(i => i.Name).IsUnique();
        });

        // Last: the base applies soft delete filters, concurrency stamps and sequential keys to the entities above.
        base.OnModelCreating(modelBuilder);
    }
}
