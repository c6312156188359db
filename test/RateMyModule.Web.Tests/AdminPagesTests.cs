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

        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Test.VisibleJob", StringComparison.Ordinal));
        row.TextContent.ShouldContain("gave up");
        row.TextContent.ShouldContain("Abandoned");
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
}
