#:package Microsoft.EntityFrameworkCore.Sqlite
#:property PublishAot=false

// Write throughput of the running product through its API, for docs/benchmarks/throughput.sh (which starts the host
// and passes --url and --db). N concurrent clients (default 1, 8, 32, 128), each holding a share of the benchmark
// students (made by the DbMigrator's --bench-users, signed in through the real sign-in form), write for a fixed time:
// mostly PUT /api/v1/reviews/{id}/vote, and every fourth request a POST /api/v1/modules/{id}/reviews while the user
// has a module left to review. Every user × review and user × module pair is used once in the whole run, so every
// acknowledged (2xx) write must be in the database afterwards; the check reads the SQLite file directly, then
// recounts the vote counters and the modules' review counts.
//   dotnet run docs/benchmarks/WriteBench.cs -- --url http://127.0.0.1:5000 --db DATA_DIR/ratemymodule.db [--seconds 10] [--clients 1,8,32,128]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

var options = Args.Parse(args);
var data = await BenchData.ReadAsync(options.Database, options.UserPrefix);
Console.WriteLine($"write-bench: {data.Users.Count} benchmark users, {data.ModuleIds.Count} modules to review, {data.ReviewIds.Count} reviews to vote on");
if (data.Users.Count < options.Clients.Max())
{
    Console.Error.WriteLine($"write-bench: need at least {options.Clients.Max()} benchmark users (DbMigrator --bench-users), found {data.Users.Count}");
    return 2;
}

// As many users as the largest round has clients: signing in is a deliberately slow password hash per user.
var sessions = await Session.SignInAllAsync(options.Url, data.Users.Take(options.Clients.Max()).ToList(), options.Password);
var acknowledged = new Acknowledged();
var results = new List<RoundResult>();

// A short untimed round first, so the first timed one does not pay for JIT and cold caches; its writes are checked too.
await Round.RunAsync(Math.Min(2, sessions.Count), TimeSpan.FromSeconds(2), sessions, data, acknowledged);
foreach (var clients in options.Clients)
{
    var round = await Round.RunAsync(clients, TimeSpan.FromSeconds(options.Seconds), sessions, data, acknowledged);
    results.Add(round);
    Console.WriteLine($"write-bench: {clients} clients: {round.WritesPerSecond:0.0} writes/s");
}

var check = await Verification.RunAsync(options.Database, acknowledged, data);
Console.WriteLine();
Console.WriteLine("| clients | writes/s | votes | reviews | 408 or timeout | 5xx | other failures | p50 ms | p99 ms |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Clients} | {r.WritesPerSecond:0.0} | {r.Votes} | {r.Reviews} | {r.Timeouts} | {r.ServerErrors} | {r.OtherFailures} | {r.P50:0.0} | {r.P99:0.0} |"));
}

Console.WriteLine();
foreach (var line in check.Lines)
{
    Console.WriteLine(line);
}

return check.Passed ? 0 : 3;

sealed record Args(string Url, string Database, string Password, string UserPrefix, int Seconds, int[] Clients)
{
    public static Args Parse(string[] args)
    {
        string Value(string name, string? fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"{name} is required");
        }

        return new Args(Value("--url", null).TrimEnd('/'), Value("--db", null), Value("--password", "Bench-pass-2026"), Value("--prefix", "bench-"),
            int.Parse(Value("--seconds", "10"), CultureInfo.InvariantCulture),
            Value("--clients", "1,8,32,128").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray());
    }
}

sealed record BenchUser(Guid Id, string Email);

sealed record BenchData(IReadOnlyList<BenchUser> Users, IReadOnlyList<Guid> ModuleIds, IReadOnlyList<Guid> ReviewIds, int AcademicYear)
{
    public static async Task<BenchData> ReadAsync(string database, string prefix)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        var users = await Sql.ListAsync(connection, $"SELECT Id, Email FROM AccUsers WHERE NormalizedEmail LIKE '{prefix.ToUpperInvariant()}%' ORDER BY NormalizedEmail",
            r => new BenchUser(r.GetGuid(0), r.GetString(1)));
        // The modules every benchmark user may review: on their courses, open, and not reviewed by them yet.
        var modules = await Sql.ListAsync(connection, $"""
            SELECT DISTINCT mc.ModuleId FROM CoursesModuleCourses mc JOIN CoursesModules m ON m.Id = mc.ModuleId
            WHERE m.IsArchived = 0 AND mc.CourseId IN (SELECT CourseId FROM AccEnrolments WHERE UserId = (SELECT Id FROM AccUsers WHERE NormalizedEmail LIKE '{prefix.ToUpperInvariant()}%' ORDER BY NormalizedEmail LIMIT 1))
              AND mc.ModuleId NOT IN (SELECT ModuleId FROM RevClosedModules)
            ORDER BY mc.ModuleId
            """, r => r.GetGuid(0));
        // Reviews of the benchmark users' own university, by others: students vote only there (a vote on another
        // university's review is refused with 403 and would count as a failure, not a write).
        var reviews = await Sql.ListAsync(connection, """
            SELECT Id FROM RevReviews WHERE IsHidden = 0
              AND UniversityId = (SELECT UniversityId FROM AccUsers WHERE NormalizedEmail LIKE 'BENCH-%' ORDER BY NormalizedEmail LIMIT 1)
              AND AuthorId NOT IN (SELECT Id FROM AccUsers WHERE NormalizedEmail LIKE 'BENCH-%')
            ORDER BY Id LIMIT 100000
            """, r => r.GetGuid(0));
        var now = DateTime.UtcNow;
        return new BenchData(users, modules, reviews, now.Month >= 9 ? now.Year : now.Year - 1);
    }
}

/// <summary>One signed-in student: a cookie-holding client and cursors over the pairs it has not used yet.</summary>
sealed class Session(BenchUser user, HttpClient client, int start)
{
    private static readonly Regex Token = new("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", RegexOptions.Compiled);
    private int _voted;
    private int _reviewed;

    public BenchUser User { get; } = user;

    public HttpClient Client { get; } = client;

    /// <summary>The next review this user has never voted on, or null when it has voted on all of them.</summary>
    public Guid? NextVote(IReadOnlyList<Guid> reviews) => _voted < reviews.Count ? reviews[(start + _voted++) % reviews.Count] : null;

    public Guid? NextModule(IReadOnlyList<Guid> modules) => _reviewed < modules.Count ? modules[(start + _reviewed++) % modules.Count] : null;

    public static async Task<IReadOnlyList<Session>> SignInAllAsync(string url, IReadOnlyList<BenchUser> users, string password)
    {
        var watch = Stopwatch.StartNew();
        var sessions = new Session?[users.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, users.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 4 };
            var client = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
            var form = await client.GetStringAsync("/Account/Login", ct);
            var token = Token.Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on /Account/Login");
            using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = users[i].Email,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = token,
            }), ct);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("Login", StringComparison.OrdinalIgnoreCase) == true)
            {
                throw new InvalidOperationException($"signing in {users[i].Email} answered {(int)response.StatusCode} {response.Headers.Location}");
            }

            sessions[i] = new Session(users[i], client, i * 97);
        });
        Console.WriteLine($"write-bench: signed in {users.Count} users through /Account/Login in {watch.Elapsed.TotalSeconds:0.0} s");
        return sessions!;
    }
}

sealed class Acknowledged
{
    public ConcurrentBag<(Guid User, Guid Review, int Kind)> Votes { get; } = [];

    public ConcurrentBag<Guid> Reviews { get; } = [];
}

sealed record RoundResult(int Clients, double WritesPerSecond, int Votes, int Reviews, int Timeouts, int ServerErrors, int OtherFailures, double P50, double P99);

static class Round
{
    public static async Task<RoundResult> RunAsync(int clients, TimeSpan duration, IReadOnlyList<Session> sessions, BenchData data, Acknowledged acknowledged)
    {
        var latencies = new ConcurrentBag<double>();
        int votes = 0, reviews = 0, timeouts = 0, serverErrors = 0, other = 0;
        var watch = Stopwatch.StartNew();
        var deadline = watch.Elapsed + duration;
        var workers = Enumerable.Range(0, clients).Select(async client =>
        {
            // Each client takes its own share of the users, so no two clients ever hold the same pair.
            var mine = sessions.Where((_, i) => i % clients == client).ToList();
            for (var n = 0; watch.Elapsed < deadline; n++)
            {
                var session = mine[n % mine.Count];
                var module = n % 4 == 3 ? session.NextModule(data.ModuleIds) : null;
                var review = module is null ? session.NextVote(data.ReviewIds) : null;
                if (module is null && review is null)
                {
                    break;
                }

                var kind = (n & 1) == 0 ? 1 : -1;
                var started = watch.Elapsed;
                try
                {
                    using var response = module is { } m
                        ? await session.Client.PostAsJsonAsync($"/api/v1/modules/{m}/reviews", new
                        {
                            overall = 1 + n % 5, difficulty = 3, assessment = (int?)null, teaching = 4, academicYear = data.AcademicYear, tags = Array.Empty<string>(),
                            text = $"Benchmark review {n} by {session.User.Email}: steady lectures and fair coursework.",
                        })
                        : await session.Client.PutAsJsonAsync($"/api/v1/reviews/{review}/vote", new { kind = kind == 1 ? "Helpful" : "NotHelpful" });
                    latencies.Add((watch.Elapsed - started).TotalMilliseconds);
                    var status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode && module is not null)
                    {
                        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                        acknowledged.Reviews.Add(body.RootElement.GetProperty("id").GetGuid());
                        Interlocked.Increment(ref reviews);
                    }
                    else if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Votes.Add((session.User.Id, review!.Value, kind));
                        Interlocked.Increment(ref votes);
                    }
                    else if (status == 408)
                    {
                        Interlocked.Increment(ref timeouts);
                    }
                    else if (status >= 500)
                    {
                        Interlocked.Increment(ref serverErrors);
                    }
                    else
                    {
                        Interlocked.Increment(ref other);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref timeouts);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToList();
        double At(double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * q) - 1)];
        return new RoundResult(clients, (votes + reviews) / elapsed, votes, reviews, timeouts, serverErrors, other, At(0.5), At(0.99));
    }
}

sealed record Verification(bool Passed, IReadOnlyList<string> Lines)
{
    public static async Task<Verification> RunAsync(string database, Acknowledged acknowledged, BenchData data)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        var stored = new Dictionary<(Guid, Guid), int>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT UserId, ReviewId, Kind FROM RevVotes WHERE UserId IN (SELECT Id FROM AccUsers WHERE NormalizedEmail LIKE 'BENCH-%')";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored[(reader.GetGuid(0), reader.GetGuid(1))] = reader.GetInt32(2);
            }
        }

        var lostVotes = acknowledged.Votes.Count(v => stored.GetValueOrDefault((v.User, v.Review)) != v.Kind);
        var reviewIds = (await Sql.ListAsync(connection, "SELECT Id FROM RevReviews WHERE AuthorId IN (SELECT Id FROM AccUsers WHERE NormalizedEmail LIKE 'BENCH-%')", r => r.GetGuid(0))).ToHashSet();
        var lostReviews = acknowledged.Reviews.Count(id => !reviewIds.Contains(id));
        var badCounters = await Sql.ScalarAsync(connection, """
            SELECT COUNT(*) FROM RevReviews r LEFT JOIN (SELECT ReviewId, SUM(Kind = 1) AS Helpful, SUM(Kind = -1) AS NotHelpful FROM RevVotes GROUP BY ReviewId) v ON v.ReviewId = r.Id
            WHERE r.HelpfulCount != COALESCE(v.Helpful, 0) OR r.NotHelpfulCount != COALESCE(v.NotHelpful, 0) OR r.Score != r.HelpfulCount - r.NotHelpfulCount
            """);
        var badStats = await Sql.ScalarAsync(connection, """
            SELECT COUNT(*) FROM (SELECT ModuleId, COUNT(*) AS N FROM RevReviews WHERE IsHidden = 0 GROUP BY ModuleId) c
            LEFT JOIN RevModuleReviewStats s ON s.ModuleId = c.ModuleId WHERE COALESCE(s.ReviewCount, 0) != c.N
            """);
        var lines = new List<string>
        {
            $"acknowledged votes: {acknowledged.Votes.Count}, missing or different in RevVotes: {lostVotes}",
            $"acknowledged reviews: {acknowledged.Reviews.Count}, missing from RevReviews: {lostReviews}",
            $"reviews whose vote counters differ from a recount of RevVotes: {badCounters}",
            $"modules whose RevModuleReviewStats.ReviewCount differs from a recount: {badStats}",
        };
        var passed = lostVotes == 0 && lostReviews == 0 && badCounters == 0 && badStats == 0;
        lines.Add(passed ? "write check: PASS (every acknowledged write is stored; aggregates equal a recount)" : "write check: FAIL");
        return new Verification(passed, lines);
    }
}

static class Sql
{
    public static async Task<List<T>> ListAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
