using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Data;

public sealed class ReviewsDbContext(DbContextOptions<ReviewsDbContext> options) : ModuleDbContext(options)
{
    public const string Name = "Reviews";

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ReviewRevision> ReviewRevisions => Set<ReviewRevision>();

    public DbSet<ReviewTag> ReviewTags => Set<ReviewTag>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<ReviewVote> Votes => Set<ReviewVote>();

    public DbSet<ReviewReport> Reports => Set<ReviewReport>();

    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();

    public DbSet<ClosedModule> ClosedModules => Set<ClosedModule>();

    public DbSet<ModuleReviewStats> ModuleStats => Set<ModuleReviewStats>();

    public DbSet<ModuleRatingCount> RatingCounts => Set<ModuleRatingCount>();

    public DbSet<ModuleTagCount> TagCounts => Set<ModuleTagCount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Review>(b =>
        {
            b.ToTable("RevReviews");
            b.Property(r => r.AuthorSnapshot).HasMaxLength(ReviewLimits.SnapshotMax);
            b.Property(r => r.Text).HasMaxLength(ReviewLimits.TextMax);
            // The rule "one review per user per module" holds under concurrency only as a unique index.
            b.HasIndex(r => new { r.ModuleId, r.AuthorId }).IsUnique();
            b.HasIndex(r => r.AuthorId);
            // One index per sort of the module page, so each keyset page walks an index in order and stops after a
            // page. IsHidden stays out of them: SQLite cannot use "NOT IsHidden" as an index equality, so in the
            // middle it would force a sort of the module's every review; as a residual filter it costs nothing.
            b.HasIndex(r => new { r.ModuleId, r.CreationTime, r.Id });
            b.HasIndex(r => new { r.ModuleId, r.Score, r.Id });
            b.HasIndex(r => new { r.ModuleId, r.Overall, r.Id });
            b.HasIndex(r => new { r.UniversityId, r.IsHidden });
            // The admin reviews list pages by date over every review, or over one university's.
            b.HasIndex(r => new { r.CreationTime, r.Id });
            b.HasIndex(r => new { r.UniversityId, r.CreationTime, r.Id });
            b.HasMany(r => r.Tags).WithOne().HasForeignKey(t => t.ReviewId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Revisions).WithOne().HasForeignKey(v => v.ReviewId).OnDelete(DeleteBehavior.Cascade);
        });
        // Created and kept up to date by raw SQL (a virtual table and triggers), so migrations leave it alone.
        modelBuilder.Entity<ReviewTextEntry>(b =>
        {
            b.HasNoKey();
            b.ToTable(ReviewTextIndex.Table, t => t.ExcludeFromMigrations());
        });
        modelBuilder.Entity<ReviewRevision>(b =>
        {
            b.ToTable("RevReviewRevisions");
            b.Property(r => r.Text).HasMaxLength(ReviewLimits.TextMax);
            b.Property(r => r.TagNames).HasMaxLength(1000);
        });
        modelBuilder.Entity<ReviewTag>(b =>
        {
            b.ToTable("RevReviewTags");
            b.HasKey(t => new { t.ReviewId, t.TagId });
            b.HasIndex(t => t.TagId);
            b.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Tag>(b =>
        {
            b.ToTable("RevTags");
            b.Property(t => t.Name).HasMaxLength(ReviewLimits.TagNameMax);
            b.Property(t => t.NormalizedName).HasMaxLength(ReviewLimits.TagNameMax);
            b.HasIndex(t => t.NormalizedName).IsUnique();
        });
        modelBuilder.Entity<ReviewVote>(b =>
        {
            b.ToTable("RevVotes");
            b.HasIndex(v => new { v.ReviewId, v.UserId }).IsUnique();
            b.HasIndex(v => v.UserId);
            b.HasOne<Review>().WithMany().HasForeignKey(v => v.ReviewId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ReviewReport>(b =>
        {
            b.ToTable("RevReports");
            b.HasIndex(r => new { r.ReviewId, r.ReporterId }).IsUnique();
            b.HasIndex(r => r.ReporterId);
            b.HasIndex(r => new { r.SolvedAt, r.NotifiedAt });
            b.HasOne<Review>().WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ModerationAction>(b =>
        {
            b.ToTable("RevModerationActions");
            b.Property(a => a.Note).HasMaxLength(ReviewLimits.NoteMax);
            b.Property(a => a.Reasons).HasMaxLength(40);
            b.HasIndex(a => a.ReviewId);
            b.HasIndex(a => new { a.CreationTime, a.Id });
        });
        modelBuilder.Entity<ClosedModule>(b =>
        {
            b.ToTable("RevClosedModules");
            b.HasKey(c => c.ModuleId);
        });
        modelBuilder.Entity<ModuleReviewStats>(b =>
        {
            b.ToTable("RevModuleReviewStats");
            b.HasKey(s => s.ModuleId);
        });
        modelBuilder.Entity<ModuleRatingCount>(b =>
        {
            b.ToTable("RevModuleRatingCounts");
            b.HasKey(c => new { c.ModuleId, c.Dimension, c.AcademicYear, c.Star });
        });
        modelBuilder.Entity<ModuleTagCount>(b =>
        {
            b.ToTable("RevModuleTagCounts");
            b.HasKey(c => new { c.ModuleId, c.TagId });
            b.HasIndex(c => c.TagId);
            b.HasOne<Tag>().WithMany().HasForeignKey(c => c.TagId).OnDelete(DeleteBehavior.Cascade);
        });

        base.OnModelCreating(modelBuilder);
    }
}
