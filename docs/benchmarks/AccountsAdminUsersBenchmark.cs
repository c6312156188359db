#:project ../../test/RateMyModule.Accounts.Tests/RateMyModule.Accounts.Tests.csproj
#:property OutputType=Exe
#:property IsTestProject=false
#:property PublishAot=false

// Server time of the user administration (/Admin/Users and /Admin/Users/{id}) with 50,000 users.
// Run from the repository root: dotnet run docs/benchmarks/AccountsAdminUsersBenchmark.cs
// The app runs in-process (TestServer, real SQLite file), so the measured time is the server's own work:
// routing, authorization, the keyset query, one batch query of the page's roles, and rendering.
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts;
using RateMyModule.Accounts.Data;
using RateMyModule.Accounts.Registration;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.Reviews;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;
using RateMyModule.TestBase.Authentication;

const int UserCount = 50_000;
const int Runs = 40;
const int WarmUp = 5;
string[] surnames = ["adams", "baker", "clark", "davies", "evans", "fisher", "green", "hughes", "jones", "khan",
    "lewis", "morgan", "nguyen", "owen", "patel", "price", "roberts", "smith", "taylor", "williams"];

// Outside a test project WebApplicationFactory cannot find the host's content root by itself.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RATEMYMODULE_WEB", Path.GetFullPath("host/RateMyModule.Web"));
await using var app = new BenchmarkAppFactory();
var admin = app.CreateClientAs(new TestUser(Guid.NewGuid(), "bench@admin.ratemymodule.app", [AccountRoles.Admin]));
var universityAdmin = app.CreateClientAs(new TestUser(Guid.NewGuid(), "head@bham.ac.uk", [AccountRoles.UniversityAdmin], TestCatalogue.Birmingham.Id));
(await admin.GetAsync(new Uri("/Admin/Users", UriKind.Relative))).EnsureSuccessStatusCode();

var seeding = Stopwatch.StartNew();
var (someone, deepCursor) = await SeedAsync(app, surnames);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {UserCount} users in {seeding.Elapsed.TotalSeconds:0.0} s"));

var firstPage = "/Admin/Users";
var walked = await WalkAsync(admin, firstPage, pages: 100);
var scenarios = new (string Name, HttpClient Client, string Url)[]
{
    ("Admin: first page", admin, firstPage),
    ("Admin: page 101 (after following 100 next links)", admin, walked),
    ("Admin: page ~2,250 (cursor at user 45,000)", admin, "/Admin/Users?after=" + Uri.EscapeDataString(deepCursor)),
    ("Admin: search \"smith\"", admin, "/Admin/Users?search=smith"),
    ("Admin: search with few matches \"04711\"", admin, "/Admin/Users?search=04711"),
    ("Admin: university + role Moderator (~490 of 25,000)", admin, $"/Admin/Users?university={TestCatalogue.Cardiff.Id}&role={AccountRoles.Moderator}"),
    ("Admin: role Student (all 50,000)", admin, $"/Admin/Users?role={AccountRoles.Student}"),
    ("Admin: role UniversityAdmin (50 of 50,000)", admin, $"/Admin/Users?role={AccountRoles.UniversityAdmin}"),
    ("UniversityAdmin: first page (own university)", universityAdmin, firstPage),
    ("UniversityAdmin: page 101", universityAdmin, await WalkAsync(universityAdmin, firstPage, pages: 100)),
    ("Admin: /Admin/Users/{id} with activity", admin, $"/Admin/Users/{someone}"),
};

Console.WriteLine($"load before timing: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"{UserCount} users, {Runs} requests per scenario after {WarmUp} warm-up requests; times in ms");
Console.WriteLine("| Scenario | median | p95 | max | SQL commands |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var (name, client, url) in scenarios)
{
    for (var i = 0; i < WarmUp; i++)
    {
        (await client.GetAsync(new Uri(url, UriKind.Relative))).EnsureSuccessStatusCode();
    }

    var before = app.Commands.Count;
    var times = new List<double>();
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        (await client.GetAsync(new Uri(url, UriKind.Relative))).EnsureSuccessStatusCode();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    var commands = (app.Commands.Count - before) / (double)Runs;
    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {times[times.Count / 2]:0.0} | {times[(int)(times.Count * 0.95)]:0.0} | {times[^1]:0.0} | {commands:0.#} |"));
}

Console.WriteLine($"load after timing: {File.ReadAllText("/proc/loadavg").Trim()}");

// No N+1: a page with 1 row and a page with 20 rows run the same SQL commands; print them for the first page.
foreach (var (name, url) in new[] { ("20 rows", firstPage), ("1 row", "/Admin/Users?search=04711") })
{
    app.Commands.Clear();
    var html = await admin.GetStringAsync(new Uri(url, UriKind.Relative));
    var rows = html.Split("<tr").Length - 2;
    Console.WriteLine($"{name} ({rows} rows shown): {app.Commands.Count} SQL commands");
    foreach (var command in app.Commands)
    {
        Console.WriteLine("  " + command.ReplaceLineEndings(" "));
    }
}

await ExplainAsync(app, deepCursor);

static async Task<(Guid Someone, string DeepCursor)> SeedAsync(BenchmarkAppFactory app, string[] surnames)
{
    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
    var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
    var universities = new[] { TestCatalogue.Birmingham, TestCatalogue.Cardiff };
    var created = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(DateTimeOffset.UtcNow)!;
    var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<RateMyModule.Accounts.Users.AccountUser>>();
    var passwordHash = hasher.HashPassword(new RateMyModule.Accounts.Users.AccountUser(), "Bench-pass-2026");

    await db.Database.OpenConnectionAsync();
    await using var transaction = await db.Database.BeginTransactionAsync();
    var connection = db.Database.GetDbConnection();
    await using var insertUser = Command(connection, transaction,
        """
        INSERT INTO AccUsers (Id, UniversityId, EmailSkeleton, CreationTime, UserName, NormalizedUserName, Email, NormalizedEmail,
            EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
        VALUES ($id, $university, $skeleton, $created, $email, $normalized, $email, $normalized, 1, $hash, $stamp, $stamp, 0, 0, 1, 0)
        """, "$id", "$university", "$skeleton", "$created", "$email", "$normalized", "$hash", "$stamp");
    await using var insertRole = Command(connection, transaction, "INSERT INTO AccUserRoles (UserId, RoleId) VALUES ($user, $role)", "$user", "$role");

    var someone = Guid.Empty;
    for (var i = 0; i < UserCount; i++)
    {
        var id = Guid.NewGuid();
        var university = universities[i % universities.Length];
        var email = $"{surnames[(i * 7) % surnames.Length]}.{i:00000}@{university.EmailDomain}";
        insertUser.Parameters["$id"].Value = id.ToString().ToUpperInvariant();
        insertUser.Parameters["$university"].Value = university.Id.ToString().ToUpperInvariant();
        insertUser.Parameters["$skeleton"].Value = EmailSkeleton.Of(email);
        insertUser.Parameters["$created"].Value = created;
        insertUser.Parameters["$email"].Value = email;
        insertUser.Parameters["$normalized"].Value = email.ToUpperInvariant();
        insertUser.Parameters["$hash"].Value = passwordHash;
        insertUser.Parameters["$stamp"].Value = Guid.NewGuid().ToString("N").ToUpperInvariant();
        await insertUser.ExecuteNonQueryAsync();

        // Everyone is a Student; one in 51 is also a Moderator and one in 1,001 a UniversityAdmin (odd divisors, so
        // both universities, which alternate, get some).
        foreach (var role in i % 1001 == 0 ? [AccountRoles.Student, AccountRoles.UniversityAdmin]
                 : i % 51 == 0 ? [AccountRoles.Student, AccountRoles.Moderator]
                 : new[] { AccountRoles.Student })
        {
            insertRole.Parameters["$user"].Value = id.ToString().ToUpperInvariant();
            insertRole.Parameters["$role"].Value = roles[role].ToString().ToUpperInvariant();
            await insertRole.ExecuteNonQueryAsync();
        }

        if (i == UserCount / 2)
        {
            someone = id;
        }
    }

    await transaction.CommitAsync();

    // The user whose details are timed wrote a few reviews, voted and reported, so every count has rows to find.
    var reviews = scope.ServiceProvider.GetRequiredService<ReviewsDbContext>();
    for (var i = 0; i < 5; i++)
    {
        var review = new Review { Id = Guid.NewGuid(), ModuleId = Guid.NewGuid(), UniversityId = TestCatalogue.Birmingham.Id, AuthorId = someone, Overall = 4, Text = "Worth it.", AcademicYear = 2025 };
        reviews.Reviews.Add(review);
        reviews.Votes.Add(new ReviewVote { Id = Guid.NewGuid(), ReviewId = review.Id, UserId = someone, Kind = VoteKind.Helpful });
    }

    await reviews.SaveChangesAsync();
    var deepCursor = await db.Users.OrderBy(u => u.NormalizedEmail).Skip(45_000).Select(u => u.NormalizedEmail!).FirstAsync();
    return (someone, deepCursor);
}

static DbCommand Command(DbConnection connection, IDbContextTransaction transaction, string sql, params string[] parameters)
{
    var command = connection.CreateCommand();
    command.Transaction = transaction.GetDbTransaction();
    command.CommandText = sql;
    foreach (var name in parameters)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
    }

    command.Prepare();
    return command;
}

// The plans SQLite chooses for the list queries: the same LINQ shapes as UserAdministration.ListAsync builds.
static async Task ExplainAsync(BenchmarkAppFactory app, string deepCursor)
{
    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
    var birmingham = TestCatalogue.Birmingham.Id;
    var moderator = AccountRoles.Moderator.ToUpperInvariant();
    var queries = new (string Name, IQueryable<object> Query)[]
    {
        ("Admin first page", db.Users.OrderBy(u => u.NormalizedEmail).Take(21).Select(u => (object)u.Id)),
        ("Admin search", db.Users.Where(u => u.NormalizedEmail!.Contains("SMITH")).OrderBy(u => u.NormalizedEmail).Take(21).Select(u => (object)u.Id)),
        ("Admin page after cursor", db.Users.Where(u => string.Compare(u.NormalizedEmail, deepCursor) > 0).OrderBy(u => u.NormalizedEmail).Take(21).Select(u => (object)u.Id)),
        ("UniversityAdmin page after cursor", db.Users.Where(u => u.UniversityId == birmingham && string.Compare(u.NormalizedEmail, deepCursor) > 0).OrderBy(u => u.NormalizedEmail).Take(21).Select(u => (object)u.Id)),
        ("role only", db.Users
            .Where(u => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.NormalizedName == moderator select ur.UserId).Contains(u.Id))
            .OrderBy(u => u.NormalizedEmail).Take(21).Select(u => (object)u.Id)),
        ("university + role", db.Users.Where(u => u.UniversityId == birmingham)
            .Where(u => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.NormalizedName == moderator select ur.UserId).Contains(u.Id))
            .OrderBy(u => u.NormalizedEmail).Take(21).Select(u => (object)u.Id)),
    };
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    foreach (var (name, query) in queries)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine($"EXPLAIN QUERY PLAN, {name}:");
        while (await reader.ReadAsync())
        {
            Console.WriteLine("  " + reader.GetString(3));
        }
    }
}

static async Task<string> WalkAsync(HttpClient client, string url, int pages)
{
    for (var i = 0; i < pages; i++)
    {
        var page = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        const string Next = "class=\"btn btn-secondary\" href=\"";
        var href = page.IndexOf(Next, StringComparison.Ordinal) + Next.Length;
        if (href < Next.Length)
        {
            throw new InvalidOperationException($"No next link after {i} pages of {url}");
        }

        url = System.Net.WebUtility.HtmlDecode(page[href..page.IndexOf('"', href)]);
    }

    return url;
}

/// <summary>The Accounts test host without the job worker (its polling would be counted as the page's SQL), counting every SQL command.</summary>
internal sealed class BenchmarkAppFactory : AccountsAppFactory
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Commands { get; } = new();

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["BackgroundJobs:IsEnabled"] = "false" };

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(new ListenerObserver(Commands));
    }

    private sealed class ListenerObserver(System.Collections.Concurrent.ConcurrentQueue<string> commands) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                value.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed)
            {
                commands.Enqueue(executed.Command.CommandText);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
