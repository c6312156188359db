#:project ../../test/RateMyModule.Courses.Tests/RateMyModule.Courses.Tests.csproj
#:property OutputType=Exe
#:property IsTestProject=false
#:property PublishAot=false

// Server time of the admin module list (/Admin/Catalogue/Modules) with 5,000 modules.
// Run from the repository root: dotnet run docs/benchmarks/CoursesAdminListBenchmark.cs
// The app runs in-process (TestServer, real SQLite file), so the measured time is the server's own work:
// routing, authorization, the keyset query, one batch call to each neighbour, and rendering.
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses.Data;
using RateMyModule.Courses.Domain;
using RateMyModule.Courses.Tests;
using RateMyModule.TestBase.Authentication;

const int ModuleCount = 5000;
const int Runs = 40;

// Outside a test project WebApplicationFactory cannot find the host's content root by itself.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RATEMYMODULE_WEB", Path.GetFullPath("host/RateMyModule.Web"));
await using var app = new CoursesWebAppFactory();
var client = app.CreateClientAs(CoursesWebAppFactory.Admin);
var university = await app.UniversityAsync("University of Benchmarks", "bench.ac.uk");
var courses = new List<Guid>();
for (var i = 0; i < 20; i++)
{
    courses.Add(await app.CourseAsync(university, $"Benchmark Course {i:00}"));
}

await app.ArrangeAsync(async sp =>
{
    var db = sp.GetRequiredService<CoursesDbContext>();
    var all = await db.Courses.Where(c => c.UniversityId == university).ToListAsync();
    for (var i = 0; i < ModuleCount; i++)
    {
        var module = new Module(university, $"Benchmark Module {i:00000}", $"BM-{(i * 7919) % 100000:00000}", new DateOnly(2010 + (i % 15), 9, 1));
        module.SetCourses([all[i % all.Count], all[(i + 7) % all.Count]]);
        db.Modules.Add(module);
    }

    await db.SaveChangesAsync();
    return true;
});

var firstPage = "/Admin/Catalogue/Modules";
var html = await client.GetStringAsync(new Uri(firstPage, UriKind.Relative));
var deepCursor = await WalkAsync(client, firstPage, pages: 100);
var scenarios = new (string Name, string Url)[]
{
    ("first page, sorted by name", firstPage),
    ("page 101 (after 100 pages of 25)", deepCursor),
    ("sorted by code, descending", "/Admin/Catalogue/Modules?sort=code&desc=true"),
    ("filtered by course", $"/Admin/Catalogue/Modules?university={university}&course={courses[3]}"),
    ("search \"Module 04\"", "/Admin/Catalogue/Modules?search=Module%2004"),
    ("archived only (no matches)", "/Admin/Catalogue/Modules?archived=archived"),
};

Console.WriteLine($"{ModuleCount} modules, {Runs} requests per scenario after 5 warm-up requests; times in ms");
Console.WriteLine("| Scenario | median | p95 | max |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var (name, url) in scenarios)
{
    for (var i = 0; i < 5; i++)
    {
        (await client.GetAsync(new Uri(url, UriKind.Relative))).EnsureSuccessStatusCode();
    }

    var times = new List<double>();
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        (await client.GetAsync(new Uri(url, UriKind.Relative))).EnsureSuccessStatusCode();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {times[times.Count / 2]:0.0} | {times[(int)(times.Count * 0.95)]:0.0} | {times[^1]:0.0} |"));
}

Console.WriteLine($"first page bytes: {html.Length}");

static async Task<string> WalkAsync(HttpClient client, string url, int pages)
{
    for (var i = 0; i < pages; i++)
    {
        var page = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var marker = page.IndexOf("rel=\"next\"", StringComparison.Ordinal);
        var href = page.LastIndexOf("href=\"", marker, StringComparison.Ordinal) + 6;
        url = System.Net.WebUtility.HtmlDecode(page[href..page.IndexOf('"', href)]);
    }

    return url;
}
