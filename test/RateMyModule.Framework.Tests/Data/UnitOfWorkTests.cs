using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Events;
using RateMyModule.Framework.Seeding;
using RateMyModule.Framework.Uow;
using RateMyModule.TestBase;

namespace RateMyModule.Framework.Tests.Data;

public sealed class UnitOfWorkTests(TestDataHostFixture fixture) : IClassFixture<TestDataHostFixture>
{
    private readonly ModuleTestHost _host = fixture.Host;

    [Fact]
    public async Task Every_module_context_in_a_scope_shares_one_connection_and_transaction()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<UnitOfWork>().Begin();
        var library = scope.ServiceProvider.GetRequiredService<LibraryDbContext>();
        var loans = scope.ServiceProvider.GetRequiredService<LoansDbContext>();

        library.Database.GetDbConnection().ShouldBeSameAs(loans.Database.GetDbConnection());
        library.Database.CurrentTransaction.ShouldNotBeNull();
        loans.Database.CurrentTransaction!.GetDbTransaction().ShouldBeSameAs(library.Database.CurrentTransaction.GetDbTransaction());
    }

    [Fact]
    public async Task A_second_modules_failure_rolls_back_the_first_modules_write()
    {
        await _host.ScopeAsync(async sp =>
        {
            var loans = sp.GetRequiredService<LoansDbContext>();
            loans.Loans.Add(new Loan { BookId = Guid.NewGuid(), Borrower = "taken" });
            await loans.SaveChangesAsync();
        });

        await Should.ThrowAsync<DbUpdateException>(() => _host.ScopeAsync(async sp =>
        {
            var library = sp.GetRequiredService<LibraryDbContext>();
            library.Books.Add(new Book { Title = "Rolled back" });
            await library.SaveChangesAsync();

            var loans = sp.GetRequiredService<LoansDbContext>();
            loans.Loans.Add(new Loan { BookId = Guid.NewGuid(), Borrower = "taken" });
            await loans.SaveChangesAsync();
        }));

        var kept = await _host.ScopeAsync(sp => sp.GetRequiredService<LibraryDbContext>().Books.AnyAsync(b => b.Title == "Rolled back"));
        kept.ShouldBeFalse();
    }

    [Fact]
    public async Task Work_spanning_modules_commits_as_one()
    {
        await _host.ScopeAsync(async sp =>
        {
            sp.GetRequiredService<LibraryDbContext>().Books.Add(new Book { Title = "Committed" });
            await sp.GetRequiredService<LibraryDbContext>().SaveChangesAsync();
            sp.GetRequiredService<LoansDbContext>().Loans.Add(new Loan { Borrower = "committed" });
            await sp.GetRequiredService<LoansDbContext>().SaveChangesAsync();
        });

        (await _host.ScopeAsync(sp => sp.GetRequiredService<LibraryDbContext>().Books.AnyAsync(b => b.Title == "Committed"))).ShouldBeTrue();
        (await _host.ScopeAsync(sp => sp.GetRequiredService<LoansDbContext>().Loans.AnyAsync(l => l.Borrower == "committed"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Uncommitted_work_is_not_visible_to_another_connection()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        uow.Begin();
        var library = scope.ServiceProvider.GetRequiredService<LibraryDbContext>();
        library.Books.Add(new Book { Title = "Pending" });
        await library.SaveChangesAsync();

        (await _host.ScopeAsync(sp => sp.GetRequiredService<LibraryDbContext>().Books.AnyAsync(b => b.Title == "Pending"))).ShouldBeFalse();
        await uow.CompleteAsync();
        (await _host.ScopeAsync(sp => sp.GetRequiredService<LibraryDbContext>().Books.AnyAsync(b => b.Title == "Pending"))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_local_event_is_handled_by_another_module_inside_the_publishers_transaction()
    {
        var book = new Book { Title = "Retired" };
        await _host.ScopeAsync(async sp =>
        {
            sp.GetRequiredService<LibraryDbContext>().Books.Add(book);
            await sp.GetRequiredService<LibraryDbContext>().SaveChangesAsync();
            sp.GetRequiredService<LoansDbContext>().Loans.Add(new Loan { BookId = book.Id, Borrower = "reader" });
            await sp.GetRequiredService<LoansDbContext>().SaveChangesAsync();
        });

        await _host.ScopeAsync(sp => sp.GetRequiredService<ILocalEventBus>().PublishAsync(new BookRetired(book.Id)));

        (await _host.ScopeAsync(sp => sp.GetRequiredService<LoansDbContext>().Loans.SingleAsync(l => l.Borrower == "reader"))).Retired.ShouldBeTrue();
    }

    [Fact]
    public async Task A_failing_handler_rolls_back_the_publishers_write()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => _host.ScopeAsync(async sp =>
        {
            var library = sp.GetRequiredService<LibraryDbContext>();
            library.Books.Add(new Book { Title = "Published then failed" });
            await library.SaveChangesAsync();
            await sp.GetRequiredService<ILocalEventBus>().PublishAsync(new BookRetired(Guid.Empty));
        }));

        (await _host.ScopeAsync(sp => sp.GetRequiredService<LibraryDbContext>().Books.AnyAsync(b => b.Title == "Published then failed"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Seeding_twice_leaves_the_same_database()
    {
        var seeder = _host.Services.GetRequiredService<DataSeeder>();
        await seeder.SeedAsync(new DataSeedContext(IncludeDemoData: true));
        var first = await _host.ScopeAsync(sp => sp.GetRequiredService<LibraryDbContext>().Books.OrderBy(b => b.Title).Select(b => new { b.Id, b.Title, b.Copies }).ToListAsync());

        await seeder.SeedAsync(new DataSeedContext(IncludeDemoData: true));
        var second = await _host.ScopeAsync(sp => sp.GetRequiredService<LibraryDbContext>().Books.OrderBy(b => b.Title).Select(b => new { b.Id, b.Title, b.Copies }).ToListAsync());

        first.Count(b => b.Title is "Demo novel" or "Seeded classic").ShouldBe(2);
        second.ShouldBe(first);
    }

    [SqliteOnlyFact]
    public async Task The_sqlite_database_is_in_wal_mode()
    {
        await _host.ScopeAsync(async sp =>
        {
            var connection = (SqliteConnection)sp.GetRequiredService<UnitOfWork>().Connection;
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            ((string?)await command.ExecuteScalarAsync()).ShouldBe("wal");
        });
    }
}
