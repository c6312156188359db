using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Data;
using RateMyModule.Notifications.Domain;

namespace RateMyModule.Notifications.Data;

/// <summary>
/// Follows, notifications, settings and mail schedules, prefixed with the module's name. Users and modules are other
/// modules' ids: no foreign keys across modules, so account deletion and the catalogue reach these through events.
/// </summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ModuleDbContext(options)
{
    public const string Name = "Notifications";

    public DbSet<ModuleFollow> Follows => Set<ModuleFollow>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationSettings> Settings => Set<NotificationSettings>();

    public DbSet<MailSchedule> MailSchedules => Set<MailSchedule>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ModuleFollow>(b =>
        {
            b.ToTable("NotificationsFollows");
            b.HasIndex(f => new { f.UserId, f.ModuleId }).IsUnique();
            b.HasIndex(f => new { f.ModuleId, f.UserId });
        });
        modelBuilder.Entity<Notification>(b =>
        {
            b.ToTable("NotificationsNotifications");
            b.HasIndex(n => new { n.UserId, n.CreationTime });
            b.HasIndex(n => new { n.UserId, n.ReadTime });
        });
        modelBuilder.Entity<NotificationSettings>(b =>
        {
            b.ToTable("NotificationsSettings");
            b.HasKey(s => s.UserId);
        });
        modelBuilder.Entity<MailSchedule>(b =>
        {
            b.ToTable("NotificationsMailSchedules");
            b.HasKey(s => new { s.UserId, s.Cadence });
        });

        // Last: the base applies soft delete filters, concurrency stamps and sequential keys to the entities above.
        base.OnModelCreating(modelBuilder);
    }
}
