using Microsoft.EntityFrameworkCore;
using RateMyModule.Courses.Domain;
using RateMyModule.Courses.Import;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Data;

/// <summary>
/// The catalogue's tables. Names and codes compare case-insensitively (NOCASE), so uniqueness, search and sort
/// agree with what a user sees; every list's filter and sort column has an index that ends in the key, which is
/// what keyset paging seeks on.
/// </summary>
public sealed class CoursesDbContext(DbContextOptions<CoursesDbContext> options) : ModuleDbContext(options)
{
    public const string Name = "Courses";

    public DbSet<University> Universities => Set<University>();

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<Module> Modules => Set<Module>();

    public DbSet<ModuleCourse> ModuleCourses => Set<ModuleCourse>();

    public DbSet<CatalogueImport> Imports => Set<CatalogueImport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<University>(b =>
        {
            b.ToTable("CoursesUniversities");
            b.Property(u => u.Name).HasMaxLength(CatalogueLimits.UniversityNameMax).UseCollation("NOCASE");
            b.Property(u => u.ShortName).HasMaxLength(CatalogueLimits.ShortNameMax).UseCollation("NOCASE");
            b.Property(u => u.EmailDomain).HasMaxLength(CatalogueLimits.EmailDomainMax);
            b.HasIndex(u => u.Name).IsUnique();
            b.HasIndex(u => u.EmailDomain).IsUnique();
            b.HasIndex(u => new { u.ShortName, u.Id });
            b.HasIndex(u => new { u.FoundedOn, u.Id });
            b.HasIndex(u => new { u.IsArchived, u.Name, u.Id });
        });
        modelBuilder.Entity<Course>(b =>
        {
            b.ToTable("CoursesCourses");
            b.Property(c => c.Name).HasMaxLength(CatalogueLimits.CourseNameMax).UseCollation("NOCASE");
            b.Property(c => c.StudentType).HasMaxLength(CatalogueLimits.StudentTypeMax).UseCollation("NOCASE");
            b.HasOne<University>().WithMany().HasForeignKey(c => c.UniversityId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(c => new { c.UniversityId, c.Name }).IsUnique();
            b.HasIndex(c => new { c.Name, c.Id });
            b.HasIndex(c => new { c.StudentType, c.Id });
            b.HasIndex(c => new { c.UniversityId, c.StudentType, c.Id });
            b.HasIndex(c => new { c.IsArchived, c.Name, c.Id });
        });
        modelBuilder.Entity<Module>(b =>
        {
            b.ToTable("CoursesModules");
            b.Property(m => m.Name).HasMaxLength(CatalogueLimits.ModuleNameMax).UseCollation("NOCASE");
            b.Property(m => m.Code).HasMaxLength(CatalogueLimits.ModuleCodeMax).UseCollation("NOCASE");
            b.HasOne<University>().WithMany().HasForeignKey(m => m.UniversityId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(m => m.Courses).WithOne().HasForeignKey(mc => mc.ModuleId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(m => m.Courses).AutoInclude();
            b.HasIndex(m => new { m.UniversityId, m.Code }).IsUnique();
            b.HasIndex(m => new { m.UniversityId, m.Name, m.Id });
            b.HasIndex(m => new { m.UniversityId, m.StartedOn, m.Id });
            b.HasIndex(m => new { m.Name, m.Id });
            b.HasIndex(m => new { m.Code, m.Id });
            b.HasIndex(m => new { m.StartedOn, m.Id });
            b.HasIndex(m => new { m.IsArchived, m.Name, m.Id });
        });
        modelBuilder.Entity<ModuleCourse>(b =>
        {
            b.ToTable("CoursesModuleCourses");
            b.HasKey(mc => new { mc.ModuleId, mc.CourseId });
            b.HasOne<Course>().WithMany().HasForeignKey(mc => mc.CourseId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(mc => new { mc.CourseId, mc.ModuleId });
        });
        modelBuilder.Entity<CatalogueImport>(b =>
        {
            b.ToTable("CoursesImports");
            b.Property(i => i.Error).HasMaxLength(2000);
            b.HasIndex(i => new { i.UniversityId, i.CreationTime });
        });
        base.OnModelCreating(modelBuilder);
    }
}
