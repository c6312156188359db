using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Auditing;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Permissions;

namespace RateMyModule.Framework;

/// <summary>The kernel's own tables: permission grants and known permissions, the entity-change log, background jobs, data-protection keys.</summary>
public sealed class FrameworkDbContext(DbContextOptions<FrameworkDbContext> options)
    : ModuleDbContext(options), IDataProtectionKeyContext
{
    public const string Name = "Framework";

    public DbSet<PermissionGrant> PermissionGrants => Set<PermissionGrant>();

    public DbSet<KnownPermission> KnownPermissions => Set<KnownPermission>();

    public DbSet<EntityChangeLog> EntityChangeLogs => Set<EntityChangeLog>();

    public DbSet<BackgroundJobRecord> BackgroundJobs => Set<BackgroundJobRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PermissionGrant>(b =>
        {
            b.ToTable("FwPermissionGrants");
            b.Property(g => g.RoleName).HasMaxLength(64);
            b.Property(g => g.PermissionName).HasMaxLength(128);
            b.HasIndex(g => new { g.RoleName, g.PermissionName }).IsUnique();
        });
        modelBuilder.Entity<KnownPermission>(b =>
        {
            b.ToTable("FwKnownPermissions");
            b.HasKey(k => k.Name);
            b.Property(k => k.Name).HasMaxLength(128);
        });
        modelBuilder.Entity<EntityChangeLog>(b =>
        {
            b.ToTable("FwEntityChangeLogs");
            b.Property(l => l.EntityType).HasMaxLength(256);
            b.Property(l => l.EntityId).HasMaxLength(128);
            b.Property(l => l.UserName).HasMaxLength(256);
            b.HasIndex(l => new { l.EntityType, l.EntityId, l.ChangeTime });
            b.HasIndex(l => l.ChangeTime);
            b.OwnsMany(l => l.PropertyChanges, p => p.ToJson());
        });
        modelBuilder.Entity<BackgroundJobRecord>(b =>
        {
            b.ToTable("FwBackgroundJobs");
            b.Property(j => j.JobName).HasMaxLength(256);
            b.HasIndex(j => new { j.State, j.NextTryTime });
        });
        modelBuilder.Entity<DataProtectionKey>().ToTable("FwDataProtectionKeys");
        base.OnModelCreating(modelBuilder);
    }
}
