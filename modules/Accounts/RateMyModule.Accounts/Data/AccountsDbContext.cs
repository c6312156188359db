using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RateMyModule.Accounts.Registration;
using RateMyModule.Accounts.Sessions;
using RateMyModule.Accounts.Users;

namespace RateMyModule.Accounts.Data;

/// <summary>
/// Identity's own context (its stores need <see cref="IdentityDbContext{TUser,TRole,TKey}"/>), so it cannot derive
/// from <c>ModuleDbContext</c>; it applies the two conventions of that base it needs itself: DateTimeOffset as
/// sortable ticks on SQLite, and the Acc table prefix. Identity brings its own concurrency stamps, and accounts are
/// deleted for real (GDPR), so there is no soft-delete filter to apply.
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options)
    : IdentityDbContext<AccountUser, AccountRole, Guid>(options)
{
    public const string Name = "Accounts";

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<AccountSession> Sessions => Set<AccountSession>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        UpdateSkeletons();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        UpdateSkeletons();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Here rather than in each caller, so no path that sets an email (Identity's own included) can skip it.</summary>
    private void UpdateSkeletons()
    {
        foreach (var entry in ChangeTracker.Entries<AccountUser>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.EmailSkeleton = EmailSkeleton.Of(entry.Entity.Email ?? "");
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AccountUser>(b =>
        {
            b.ToTable("AccUsers");
            b.Property(u => u.EmailSkeleton).HasMaxLength(AccountUser.EmailMaxLength).IsRequired();
            b.HasIndex(u => u.EmailSkeleton).IsUnique();
            // A UniversityAdmin's list is one university in email order: with the email in the index that page reads
            // its 21 rows in order instead of sorting every user of the university.
            b.HasIndex(u => new { u.UniversityId, u.NormalizedEmail });
            b.Property(u => u.PreferredCulture).HasMaxLength(AccountUser.CultureMaxLength);
            b.HasMany(u => u.Enrolments).WithOne().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AccountRole>().ToTable("AccRoles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("AccUserRoles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("AccUserClaims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("AccUserLogins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("AccUserTokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("AccRoleClaims");
        builder.Entity<Enrolment>(b =>
        {
            b.ToTable("AccEnrolments");
            b.HasKey(e => new { e.UserId, e.CourseId });
            b.HasIndex(e => e.CourseId);
        });
        builder.Entity<AccountSession>(b =>
        {
            b.ToTable("AccSessions");
            b.HasKey(s => s.Id);
            b.Property(s => s.SecurityStamp).HasMaxLength(256).IsRequired();
            b.Property(s => s.UserAgent).HasMaxLength(AccountSession.UserAgentMaxLength);
            b.HasIndex(s => s.UserId);
            b.HasOne<AccountUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
