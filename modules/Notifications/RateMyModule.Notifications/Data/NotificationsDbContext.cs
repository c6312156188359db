using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Data;
using RateMyModule.Notifications.Domain;

namespace RateMyModule.Notifications.Data;

/// <summary>The Notifications module's tables, prefixed with its name; names compare case-insensitively (NOCASE).</summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ModuleDbContext(options)
{
    public const string Name = "Notifications";

    public DbSet<NotificationsItem> Items => Set<NotificationsItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NotificationsItem>(b =>
        {
            b.ToTable("NotificationsItems");
            b.Property(i => i.Name).HasMaxLength(NotificationsLimits.NameMax).UseCollation("NOCASE");
            b.HasIndex(i => i.Name).IsUnique();
        });

        // Last: the base applies soft delete filters, concurrency stamps and sequential keys to the entities above.
        base.OnModelCreating(modelBuilder);
    }
}
