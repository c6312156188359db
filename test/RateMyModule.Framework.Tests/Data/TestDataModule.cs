using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Auditing;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Events;
using RateMyModule.Framework.Modularity;
using RateMyModule.Framework.Seeding;
using RateMyModule.TestBase;

namespace RateMyModule.Framework.Tests.Data;

/// <summary>Two small "modules" with their own DbContexts, to test what the kernel does across modules.</summary>
[DependsOn(typeof(FrameworkModule))]
public sealed class TestDataModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        context.Services.AddModuleDbContext<LibraryDbContext>("TestLibrary");
        context.Services.AddModuleDbContext<LoansDbContext>("TestLoans");
        context.Services.Configure<AuditingOptions>(o => o.AuditedEntityTypes.Add(typeof(Book)));
        context.Services.AddLocalEventHandler<BookRetired, RetireLoansHandler>();
        context.Services.AddScoped<IDataSeedContributor, LibrarySeedContributor>();
        return Task.CompletedTask;
    }

    /// <summary>Test contexts have no migrations: create their tables in the migrated database.</summary>
    public static async Task<ModuleTestHost> StartHostAsync(TestDatabase? database = null)
    {
        var host = await ModuleTestHost.StartAsync<TestDataModule>(database: database);
        await host.ScopeAsync(async sp =>
        {
            foreach (var context in new DbContext[] { sp.GetRequiredService<LibraryDbContext>(), sp.GetRequiredService<LoansDbContext>() })
            {
                var script = context.Database.GenerateCreateScript().Replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS", StringComparison.Ordinal)
                    .Replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", StringComparison.Ordinal)
                    .Replace("CREATE UNIQUE INDEX", "CREATE UNIQUE INDEX IF NOT EXISTS", StringComparison.Ordinal);
                await context.Database.ExecuteSqlRawAsync(script);
            }
        });
        return host;
    }
}

public sealed class Book : FullAuditedAggregateRoot
{
    public string Title { get; set; } = "";

    public int Copies { get; set; }
}

public sealed class Loan : Entity
{
    public Guid BookId { get; set; }

    public string Borrower { get; set; } = "";

    public bool Retired { get; set; }
}

public sealed record BookRetired(Guid BookId);

public sealed class LibraryDbContext(DbContextOptions<LibraryDbContext> options) : ModuleDbContext(options)
{
    public DbSet<Book> Books => Set<Book>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Book>(b =>
        {
            b.ToTable("TestBooks");
            b.HasIndex(x => x.Title).IsUnique();
        });
        base.OnModelCreating(modelBuilder);
    }
}

public sealed class LoansDbContext(DbContextOptions<LoansDbContext> options) : ModuleDbContext(options)
{
    public DbSet<Loan> Loans => Set<Loan>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Loan>(b =>
        {
            b.ToTable("TestLoans");
            b.HasIndex(x => x.Borrower).IsUnique();
        });
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>The "Loans module" reacting to the "Library module's" event, in the publisher's transaction.</summary>
public sealed class RetireLoansHandler(LoansDbContext loans) : ILocalEventHandler<BookRetired>
{
    public async Task HandleEventAsync(BookRetired eventData, CancellationToken cancellationToken)
    {
        await loans.Loans.Where(l => l.BookId == eventData.BookId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Retired, true), cancellationToken);
        if (eventData.BookId == Guid.Empty)
        {
            throw new InvalidOperationException("A handler failure must fail the publisher.");
        }
    }
}

public sealed class LibrarySeedContributor(LibraryDbContext library) : IDataSeedContributor
{
    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        if (!await library.Books.IgnoreQueryFilters().AnyAsync(b => b.Title == "Seeded classic", cancellationToken))
        {
            library.Books.Add(new Book { Title = "Seeded classic", Copies = 1 });
        }

        if (context.IncludeDemoData && !await library.Books.AnyAsync(b => b.Title == "Demo novel", cancellationToken))
        {
            library.Books.Add(new Book { Title = "Demo novel", Copies = 3 });
        }

        await library.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>One migrated host per test class: tests in a class share it and use distinct data.</summary>
public sealed class TestDataHostFixture : IAsyncLifetime
{
    public ModuleTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestDataModule.StartHostAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
