using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Auditing;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Users;
using RateMyModule.TestBase;

namespace RateMyModule.Framework.Tests.Data;

public sealed class AuditingTests(TestDataHostFixture fixture) : IClassFixture<TestDataHostFixture>
{
    private static readonly Guid Librarian = Guid.Parse("0199a000-0000-7000-8000-000000000001");
    private readonly ModuleTestHost _host = fixture.Host;

    [Fact]
    public async Task Creation_fills_a_time_ordered_key_the_time_and_the_user()
    {
        var now = _host.Clock.GetUtcNow();
        var first = await AddBookAsync("First");
        await Task.Delay(5); // key order follows the wall clock at millisecond resolution
        var second = await AddBookAsync("Second");

        first.Id.Version.ShouldBe(7);
        string.CompareOrdinal(first.Id.ToString(), second.Id.ToString()).ShouldBeLessThan(0);
        first.CreationTime.ShouldBe(now);
        first.CreatorId.ShouldBe(Librarian);
    }

    [Fact]
    public async Task Modification_fills_the_modification_fields_and_changes_the_stamp()
    {
        var book = await AddBookAsync("Edited");
        _host.Clock.Advance(TimeSpan.FromHours(1));

        var edited = await AsLibrarian(async sp =>
        {
            var db = sp.GetRequiredService<LibraryDbContext>();
            var loaded = await db.Books.SingleAsync(b => b.Id == book.Id);
            loaded.Copies = 5;
            await db.SaveChangesAsync();
            return loaded;
        });

        edited.LastModificationTime.ShouldBe(_host.Clock.GetUtcNow());
        edited.LastModifierId.ShouldBe(Librarian);
        edited.ConcurrencyStamp.ShouldNotBe(book.ConcurrencyStamp);
    }

    [Fact]
    public async Task Deleting_a_soft_deletable_entity_hides_it_but_keeps_the_row()
    {
        var book = await AddBookAsync("Deleted");

        await AsLibrarian(async sp =>
        {
            var db = sp.GetRequiredService<LibraryDbContext>();
            db.Books.Remove(await db.Books.SingleAsync(b => b.Id == book.Id));
            await db.SaveChangesAsync();
            return 0;
        });

        await _host.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LibraryDbContext>();
            (await db.Books.AnyAsync(b => b.Id == book.Id)).ShouldBeFalse();
            var kept = await db.Books.IncludeDeleted().SingleAsync(b => b.Id == book.Id);
            kept.IsDeleted.ShouldBeTrue();
            kept.DeleterId.ShouldBe(Librarian);
            kept.DeletionTime.ShouldBe(_host.Clock.GetUtcNow());
        });
    }

    [Fact]
    public async Task Changes_to_an_opted_in_type_are_logged_with_old_and_new_values()
    {
        var book = await AddBookAsync("Logged");
        await AsLibrarian(async sp =>
        {
            var db = sp.GetRequiredService<LibraryDbContext>();
            var loaded = await db.Books.SingleAsync(b => b.Id == book.Id);
            loaded.Title = "Logged, second edition";
            await db.SaveChangesAsync();
            db.Books.Remove(loaded);
            await db.SaveChangesAsync();
            return 0;
        });

        var logs = await _host.ScopeAsync(sp => sp.GetRequiredService<FrameworkDbContext>().EntityChangeLogs
            .Where(l => l.EntityId == book.Id.ToString()).ToListAsync());
        logs.Select(l => l.ChangeType).ShouldBe([EntityChangeType.Created, EntityChangeType.Updated, EntityChangeType.Deleted]);
        logs.ShouldAllBe(l => l.UserId == Librarian && l.UserName == "librarian@example.ac.uk" && l.EntityType == typeof(Book).FullName);
        logs[0].PropertyChanges.ShouldContain(c => c.PropertyName == "Title" && c.OriginalValue == null && c.NewValue == "Logged");
        var rename = logs[1].PropertyChanges.ShouldHaveSingleItem();
        (rename.PropertyName, rename.OriginalValue, rename.NewValue).ShouldBe(("Title", "Logged", "Logged, second edition"));
        logs[2].PropertyChanges.ShouldContain(c => c.PropertyName == "IsDeleted" && c.OriginalValue == "False" && c.NewValue == "True");
    }

    [Fact]
    public async Task Types_that_did_not_opt_in_are_not_logged()
    {
        await _host.ScopeAsync(async sp =>
        {
            var loans = sp.GetRequiredService<LoansDbContext>();
            loans.Loans.Add(new Loan { BookId = Guid.NewGuid(), Borrower = "not-logged" });
            await loans.SaveChangesAsync();
        });

        var logged = await _host.ScopeAsync(sp => sp.GetRequiredService<FrameworkDbContext>().EntityChangeLogs
            .AnyAsync(l => l.EntityType == typeof(Loan).FullName));
        logged.ShouldBeFalse();
    }

    [Fact]
    public async Task A_lost_update_is_refused_as_changed_by_someone_else()
    {
        var book = await AddBookAsync("Contested");

        await using var aliceScope = _host.Services.CreateAsyncScope();
        await using var bobScope = _host.Services.CreateAsyncScope();
        var alice = aliceScope.ServiceProvider.GetRequiredService<LibraryDbContext>();
        var bob = bobScope.ServiceProvider.GetRequiredService<LibraryDbContext>();
        var aliceCopy = await alice.Books.SingleAsync(b => b.Id == book.Id);
        var bobCopy = await bob.Books.SingleAsync(b => b.Id == book.Id);

        aliceCopy.Copies = 10;
        await alice.SaveChangesAsync();
        bobCopy.Copies = 20;
        var error = await Should.ThrowAsync<ConcurrencyConflictException>(() => bob.SaveChangesAsync());

        error.Message.ShouldContain("changed by someone else");
        error.Code.ShouldBe("Framework:ConcurrencyConflict");
        var stored = await _host.ScopeAsync(sp => sp.GetRequiredService<LibraryDbContext>().Books.SingleAsync(b => b.Id == book.Id));
        stored.Copies.ShouldBe(10);
    }

    private Task<Book> AddBookAsync(string title) => AsLibrarian(async sp =>
    {
        var db = sp.GetRequiredService<LibraryDbContext>();
        var book = new Book { Title = title, Copies = 1 };
        db.Books.Add(book);
        await db.SaveChangesAsync();
        return book;
    });

    private Task<T> AsLibrarian<T>(Func<IServiceProvider, Task<T>> work) => _host.ScopeAsync(async sp =>
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Librarian.ToString()), new Claim(ClaimTypes.Name, "librarian@example.ac.uk")],
            authenticationType: "Test");
        using var _ = sp.GetRequiredService<ICurrentUser>().Change(new ClaimsPrincipal(identity));
        return await work(sp);
    });
}
