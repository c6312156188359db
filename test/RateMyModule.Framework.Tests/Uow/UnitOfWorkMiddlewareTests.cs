using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Modularity;
using RateMyModule.Framework.Tests.Data;
using RateMyModule.Framework.Uow;
using RateMyModule.TestBase;

namespace RateMyModule.Framework.Tests.Uow;

/// <summary>The per-request transaction, seen over HTTP: a request's writes commit together or not at all.</summary>
public sealed class UnitOfWorkMiddlewareTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly Barrier _bothHaveRead = new(2);
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        // Tables of the test modules, created the way their fixture does.
        await (await TestDataModule.StartHostAsync(_database)).DisposeAsync();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(_database.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["BackgroundJobs:IsEnabled"] = "false" });
        await builder.AddModulesAsync<TestDataModule>();
        _app = builder.Build();
        _app.UseUnitOfWork();
        _app.MapPost("/books/{title}", async (string title, LibraryDbContext library, LoansDbContext loans) =>
        {
            library.Books.Add(new Book { Title = title });
            await library.SaveChangesAsync();
            loans.Loans.Add(new Loan { Borrower = title });
            await loans.SaveChangesAsync();
            return Results.Created();
        });
        _app.MapPost("/loans/{borrower}/after-reading", async (string borrower, LoansDbContext loans) =>
        {
            // Read first, then give a concurrent request the chance to do the same before writing.
            await loans.Loans.CountAsync();
            _bothHaveRead.SignalAndWait(TimeSpan.FromSeconds(1));
            loans.Loans.Add(new Loan { Borrower = borrower });
            await loans.SaveChangesAsync();
            return Results.Created();
        });
        _app.MapGet("/loans/{borrower}/after-reading", async (string borrower, LoansDbContext loans) =>
        {
            // A GET that writes, like a confirmation link: the same race as the POST above.
            await loans.Loans.CountAsync();
            _bothHaveRead.SignalAndWait(TimeSpan.FromSeconds(1));
            loans.Loans.Add(new Loan { Borrower = borrower });
            await loans.SaveChangesAsync();
            return Results.Ok();
        }).WithMetadata(new ExpectWritesAttribute());
        _app.MapPost("/books/{title}/then-fail", async (string title, LibraryDbContext library) =>
        {
            library.Books.Add(new Book { Title = title });
            await library.SaveChangesAsync();
            throw new InvalidOperationException("The request fails after its first write.");
        });
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public void Dispose()
    {
        _bothHaveRead.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task A_successful_request_commits_every_modules_writes()
    {
        var response = await _app.GetTestClient().PostAsync(new Uri("/books/kept", UriKind.Relative), null);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CountAsync<LibraryDbContext>(db => db.Set<Book>().CountAsync(b => b.Title == "kept"))).ShouldBe(1);
        (await CountAsync<LoansDbContext>(db => db.Set<Loan>().CountAsync(l => l.Borrower == "kept"))).ShouldBe(1);
    }

    [Fact]
    public async Task A_request_that_throws_after_writing_leaves_nothing_behind()
    {
        await Should.ThrowAsync<InvalidOperationException>(() =>
            _app.GetTestClient().PostAsync(new Uri("/books/lost/then-fail", UriKind.Relative), null));

        (await CountAsync<LibraryDbContext>(db => db.Set<Book>().CountAsync(b => b.Title == "lost"))).ShouldBe(0);
    }

    [Fact]
    public async Task Two_requests_that_read_then_write_both_succeed()
    {
        // With deferred transactions both would read, then one could never upgrade its stale snapshot to a write.
        var client = _app.GetTestClient();
        var responses = await Task.WhenAll(
            client.PostAsync(new Uri("/loans/first-reader/after-reading", UriKind.Relative), null),
            client.PostAsync(new Uri("/loans/second-reader/after-reading", UriKind.Relative), null));

        responses.Select(r => r.StatusCode).ShouldAllBe(status => status == HttpStatusCode.Created);
        (await CountAsync<LoansDbContext>(db => db.Set<Loan>().CountAsync(l => l.Borrower.EndsWith("-reader")))).ShouldBe(2);
    }

    [Fact]
    public async Task Two_gets_marked_as_writing_that_read_then_write_both_succeed()
    {
        var client = _app.GetTestClient();
        var responses = await Task.WhenAll(
            client.GetAsync(new Uri("/loans/first-linker/after-reading", UriKind.Relative)),
            client.GetAsync(new Uri("/loans/second-linker/after-reading", UriKind.Relative)));

        responses.Select(r => r.StatusCode).ShouldAllBe(status => status == HttpStatusCode.OK);
        (await CountAsync<LoansDbContext>(db => db.Set<Loan>().CountAsync(l => l.Borrower.EndsWith("-linker")))).ShouldBe(2);
    }

    private async Task<int> CountAsync<TContext>(Func<TContext, Task<int>> count)
        where TContext : DbContext
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<TContext>());
    }
}
