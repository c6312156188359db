using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Permissions;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Web.Tests;

public sealed class AdminPagesTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly TestUser Admin = new(Guid.Parse("0199b000-0000-7000-8000-0000000000a1"), "admin@bham.ac.uk", [FrameworkRoles.Admin]);
    // Signed in, but with no role that is granted anything.
    private static readonly TestUser Nobody = new(Guid.Parse("0199b000-0000-7000-8000-0000000000b2"), "nobody@bham.ac.uk", []);

    [Theory]
    [InlineData("/Admin/Jobs")]
    [InlineData("/Admin/AuditLog")]
    public async Task Admin_pages_are_forbidden_to_users_without_the_permission(string path)
    {
        var response = await factory.CreateClientAs(Nobody).GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    [Fact]
    public async Task The_administration_page_is_not_found_for_a_user_with_no_admin_page()
    {
        var response = await factory.CreateClientAs(Nobody).GetAsync(new Uri("/Admin", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_finds_the_administration_entry_and_its_pages()
    {
        var client = factory.CreateClientAs(Admin);

        var home = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));
        home.QuerySelector("nav a[href='/Admin']").ShouldNotBeNull();
        var admin = await Html.ParseAsync(await client.GetAsync(new Uri("/Admin", UriKind.Relative)));
        admin.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain("/Admin/Jobs");
        admin.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain("/Admin/AuditLog");
    }

    [Fact]
    public async Task The_jobs_page_lists_queued_jobs_with_their_state()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FrameworkDbContext>();
            db.BackgroundJobs.Add(new BackgroundJobRecord { Id = Guid.CreateVersion7(), JobName = "Test.VisibleJob", JobArgs = "{}", State = BackgroundJobState.Abandoned, TryCount = 5, LastError = "gave up" });
            await db.SaveChangesAsync();
        }

        var page = await Html.ParseAsync(await factory.CreateClientAs(Admin).GetAsync(new Uri("/Admin/Jobs?state=Abandoned", UriKind.Relative)));

        // A job without a display name of its own is still read as words, not as its code name.
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Visible job", StringComparison.Ordinal));
        row.TextContent.ShouldNotContain("Test.VisibleJob");
        row.TextContent.ShouldContain("gave up");
        row.TextContent.ShouldContain("Abandoned");
    }

    [Fact]
    public async Task The_jobs_page_names_each_job_in_english_and_welsh()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FrameworkDbContext>();
            db.BackgroundJobs.Add(new BackgroundJobRecord { Id = Guid.CreateVersion7(), JobName = "Accounts.SendEmail", JobArgs = "{}", State = BackgroundJobState.Abandoned, TryCount = 1, LastError = "named job", CreationTime = new DateTimeOffset(2026, 1, 12, 9, 30, 0, TimeSpan.Zero) });
            db.BackgroundJobs.Add(new BackgroundJobRecord { Id = Guid.CreateVersion7(), JobName = "RateMyModule.Courses.Import.CatalogueImportArgs", JobArgs = "{}", State = BackgroundJobState.Abandoned, TryCount = 1, LastError = "named import" });
            await db.SaveChangesAsync();
        }

        var client = factory.CreateClientAs(Admin);
        var english = await Html.ParseAsync(await client.GetAsync(new Uri("/Admin/Jobs?state=Abandoned", UriKind.Relative)));
        Cells(english, "named job").ShouldBe(["Send an account email", "Abandoned", "1", "12 Jan 2026 09:30", "", "named job"]);
        Cells(english, "named import")[0].ShouldBe("Catalogue import");

        var welsh = await Html.ParseAsync(await client.GetAsync(new Uri("/Admin/Jobs?state=Abandoned&culture=cy", UriKind.Relative)));
        var cells = Cells(welsh, "named job");
        cells[0].ShouldBe("Anfon e-bost cyfrif");
        cells[3].ShouldBe("12 Ion 2026 09:30");

        static List<string> Cells(AngleSharp.Dom.IDocument page, string error)
            => [.. page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(error, StringComparison.Ordinal)).QuerySelectorAll("td").Select(td => td.TextContent.Trim())];
    }

    [Fact]
    public async Task The_audit_log_shows_changes_property_by_property()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FrameworkDbContext>();
            db.EntityChangeLogs.Add(new Framework.Auditing.EntityChangeLog
            {
                Id = Guid.CreateVersion7(),
                ChangeTime = DateTimeOffset.UtcNow,
                EntityType = "RateMyModule.Courses.Module",
                EntityId = "audited-1",
                UserName = "uniadmin@bham.ac.uk",
                ChangeType = Framework.Auditing.EntityChangeType.Updated,
                PropertyChanges = [new() { PropertyName = "Name", OriginalValue = "Old name", NewValue = "New name" }],
            });
            await db.SaveChangesAsync();
        }

        var page = await Html.ParseAsync(await factory.CreateClientAs(Admin)
            .GetAsync(new Uri("/Admin/AuditLog?entityType=RateMyModule.Courses.Module&entityId=audited-1", UriKind.Relative)));

        var entry = page.QuerySelectorAll("article").ShouldHaveSingleItem();
        entry.TextContent.ShouldContain("uniadmin@bham.ac.uk");
        var cells = entry.QuerySelectorAll("tbody tr > *").Select(c => c.TextContent.Trim()).ToList();
        cells.ShouldBe(["Name", "Old name", "New name"]);
    }

    [Fact]
    public async Task The_audit_log_reads_in_words_and_dates_of_the_readers_language_and_filters_by_user_and_days()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FrameworkDbContext>();
            void Add(string id, string user, DateTimeOffset time) => db.EntityChangeLogs.Add(new Framework.Auditing.EntityChangeLog
            {
                Id = Guid.CreateVersion7(),
                ChangeTime = time,
                EntityType = "RateMyModule.Courses.Domain.University",
                EntityId = id,
                UserName = user,
                ChangeType = Framework.Auditing.EntityChangeType.Updated,
                PropertyChanges =
                [
                    new() { PropertyName = "ShortName", OriginalValue = "Old", NewValue = "New" },
                    new() { PropertyName = "IsArchived", OriginalValue = "False", NewValue = "True" },
                ],
            });
            Add("filtered-jan", "first@filter.ac.uk", new DateTimeOffset(2025, 1, 10, 8, 5, 0, TimeSpan.Zero));
            Add("filtered-feb", "second@filter.ac.uk", new DateTimeOffset(2025, 2, 10, 8, 5, 0, TimeSpan.Zero));
            Add("filtered-mar", "first@filter.ac.uk", new DateTimeOffset(2025, 3, 10, 8, 5, 0, TimeSpan.Zero));
            for (var i = 0; i < AuditLogPageSize + 1; i++)
            {
                Add($"paged-{i}", "pager@filter.ac.uk", new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i));
            }

            await db.SaveChangesAsync();
        }

        var client = factory.CreateClientAs(Admin);
        async Task<AngleSharp.Dom.IDocument> GetAsync(string query) => await Html.ParseAsync(await client.GetAsync(new Uri("/Admin/AuditLog?" + query, UriKind.Relative)));
        static List<string> Ids(AngleSharp.Dom.IDocument page) => [.. page.QuerySelectorAll("article h2 code").Select(c => c.TextContent)];

        var byUser = await GetAsync("user=first%40filter.ac.uk");
        Ids(byUser).ShouldBe(["filtered-mar", "filtered-jan"]);
        var entry = byUser.QuerySelectorAll("article")[1];
        entry.QuerySelector("h2")!.TextContent.ShouldContain("University");
        entry.QuerySelector("h2")!.TextContent.ShouldNotContain("RateMyModule.");
        entry.QuerySelector("time")!.TextContent.ShouldBe("10 Jan 2025 08:05");
        entry.QuerySelector("tbody th")!.TextContent.ShouldBe("Short name");
        // A yes-or-no value reads as one, in the reader's language.
        entry.QuerySelectorAll("tbody tr")[1].QuerySelectorAll("td").Select(td => td.TextContent).ShouldBe(["No", "Yes"]);

        Ids(await GetAsync("user=first%40filter.ac.uk&from=2025-01-11&to=2025-03-10")).ShouldBe(["filtered-mar"]);
        Ids(await GetAsync("from=2025-02-01&to=2025-02-28")).ShouldBe(["filtered-feb"]);

        var welsh = (await GetAsync("user=first%40filter.ac.uk&to=2025-01-31&culture=cy")).QuerySelector("article")!;
        welsh.QuerySelector("h2")!.TextContent.ShouldContain("Prifysgol");
        welsh.QuerySelector("time")!.TextContent.ShouldBe("10 Ion 2025 08:05");
        welsh.QuerySelector("tbody th")!.TextContent.ShouldBe("Enw byr");
        welsh.QuerySelectorAll("tbody tr")[1].QuerySelectorAll("td").Select(td => td.TextContent).ShouldBe(["Nac ydy", "Ydy"]);

        // The paging link keeps the filters.
        var first = await GetAsync("user=pager%40filter.ac.uk&from=2024-06-01&to=2024-06-01");
        Ids(first).Count.ShouldBe(AuditLogPageSize);
        var older = first.QuerySelector("main a.btn-outline-primary")!.GetAttribute("href")!;
        Uri.UnescapeDataString(older).ShouldContain("user=pager@filter.ac.uk");
        older.ShouldContain("from=2024-06-01");
        older.ShouldContain("to=2024-06-01");
        Ids(await Html.ParseAsync(await client.GetAsync(new Uri(older, UriKind.Relative)))).ShouldBe(["paged-0"]);

        var backwards = await GetAsync("from=2025-03-01&to=2025-02-01");
        backwards.QuerySelector("#to-error")!.TextContent.ShouldBe("The last day is before the first.");
        backwards.QuerySelector("#to")!.GetAttribute("aria-invalid").ShouldBe("true");
    }

    private const int AuditLogPageSize = RateMyModule.Web.Pages.Admin.AuditLogModel.PageSize;
}
