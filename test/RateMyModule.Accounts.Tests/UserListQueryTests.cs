using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Administration;
using RateMyModule.Accounts.Data;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.Accounts.Users;
using RateMyModule.Courses;
using RateMyModule.Framework.Seeding;
using RateMyModule.TestBase;

namespace RateMyModule.Accounts.Tests;

/// <summary>The Accounts module over its own database with one university's 25 users, to look at the SQL of /Admin/Users.</summary>
public sealed class UserListQueryFixture : IAsyncLifetime
{
    public ModuleTestHost Host { get; private set; } = null!;

    public TestDatabase Database { get; } = new();

    public async Task InitializeAsync()
    {
        Host = await ModuleTestHost.StartAsync<AccountsModule>(services => services.AddSingleton<ICatalogueLookup, TestCatalogue>(), database: Database);
        await Host.Services.GetRequiredService<DataSeeder>().SeedAsync(new DataSeedContext(IncludeDemoData: false));
        await Host.ScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AccountUser>>();
            for (var i = 0; i < 25; i++)
            {
                var user = new AccountUser { Id = Guid.NewGuid(), UserName = $"listed{i:00}@bham.ac.uk", Email = $"listed{i:00}@bham.ac.uk", UniversityId = TestCatalogue.Birmingham.Id };
                (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
                (await users.AddToRoleAsync(user, i % 5 == 0 ? AccountRoles.Moderator : AccountRoles.Student)).Succeeded.ShouldBeTrue();
            }
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Database.Dispose();
    }
}

public sealed class UserListQueryTests(UserListQueryFixture fixture) : IClassFixture<UserListQueryFixture>
{
    private static readonly ClaimsPrincipal BirminghamAdmin = new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(ClaimTypes.Role, AccountRoles.UniversityAdmin),
            new Claim(AccountClaimTypes.UniversityId, TestCatalogue.Birmingham.Id.ToString()),
        ],
        "Test"));

    private Task<AdminUserPage> ListAsync(AdminUserFilter filter, string? after = null)
        => fixture.Host.ScopeAsync(sp => sp.GetRequiredService<UserAdministration>().ListAsync(BirminghamAdmin, filter, after));

    [Fact]
    public async Task A_page_of_twenty_users_runs_as_many_queries_as_a_page_of_one()
    {
        using var recorder = SqlCommandRecorder.Start();
        var full = await ListAsync(new AdminUserFilter());
        var fullPageCommands = recorder.Commands.Count;
        recorder.Clear();
        var single = await ListAsync(new AdminUserFilter(Search: "listed07"));

        full.Rows.Count.ShouldBe(UserAdministration.PageSize);
        full.Rows.Where(r => r.Roles.Contains(AccountRoles.Moderator)).ShouldNotBeEmpty();
        single.Rows.Count.ShouldBe(1);
        fullPageCommands.ShouldBe(2);
        recorder.Commands.Count.ShouldBe(fullPageCommands);
    }

    [Fact]
    public async Task The_sign_up_filter_takes_whole_utc_days_at_both_ends()
    {
        var signedUp = fixture.Host.Clock.GetUtcNow();
        var day = DateOnly.FromDateTime(signedUp.UtcDateTime);

        (await ListAsync(new AdminUserFilter(Search: "listed", SignedUpFrom: day, SignedUpTo: day))).Rows.Count.ShouldBe(UserAdministration.PageSize);
        (await ListAsync(new AdminUserFilter(Search: "listed", SignedUpFrom: day.AddDays(1)))).Rows.ShouldBeEmpty();
        (await ListAsync(new AdminUserFilter(Search: "listed", SignedUpTo: day.AddDays(-1)))).Rows.ShouldBeEmpty();
        var page = await ListAsync(new AdminUserFilter(Search: "listed07"));
        page.Rows.ShouldHaveSingleItem().SignedUp.ShouldBe(signedUp);
        page.Rows[0].CourseCount.ShouldBe(0);
    }

    [SqliteOnlyFact]
    public async Task A_university_admins_pages_read_their_rows_in_index_order_without_sorting_the_university()
    {
        using var recorder = SqlCommandRecorder.Start();
        var first = await ListAsync(new AdminUserFilter());
        await ListAsync(new AdminUserFilter(Role: AccountRoles.Moderator), after: first.NextAfter);

        var listQueries = recorder.Commands.Where(c => c.Sql.Contains("FROM \"AccUsers\"", StringComparison.Ordinal)).ToList();
        listQueries.Count.ShouldBe(2);
        foreach (var query in listQueries)
        {
            var plan = await PlanAsync(query);
            plan.ShouldContain(step => step.Contains("IX_AccUsers_UniversityId_NormalizedEmail", StringComparison.Ordinal));
            plan.ShouldNotContain(step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        }
    }

    [SqliteOnlyFact]
    public async Task A_large_roles_filter_walks_users_in_email_order_and_a_small_roles_reads_its_members()
    {
        await fixture.Host.ScopeAsync(async sp =>
        {
            // Another university's students, so the Birmingham lists above stay as they are.
            var db = sp.GetRequiredService<AccountsDbContext>();
            var student = await db.Roles.SingleAsync(r => r.Name == AccountRoles.Student);
            for (var i = 0; i < UserAdministration.LargeRoleMembers + 20; i++)
            {
                var email = $"many{i:0000}@cardiff.ac.uk";
                var user = new AccountUser { Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), UniversityId = TestCatalogue.Cardiff.Id, SecurityStamp = "s" };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = student.Id });
            }

            await db.SaveChangesAsync();
        });
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, AccountRoles.Admin)], "Test"));

        using var recorder = SqlCommandRecorder.Start();
        var students = await fixture.Host.ScopeAsync(sp => sp.GetRequiredService<UserAdministration>().ListAsync(admin, new AdminUserFilter(Role: AccountRoles.Student), null));
        var moderators = await fixture.Host.ScopeAsync(sp => sp.GetRequiredService<UserAdministration>().ListAsync(admin, new AdminUserFilter(Role: AccountRoles.Moderator), null));

        students.Rows.Count.ShouldBe(UserAdministration.PageSize);
        students.Rows.ShouldAllBe(r => r.Roles.Contains(AccountRoles.Student));
        moderators.Rows.Count.ShouldBe(5);
        moderators.Rows.ShouldAllBe(r => r.Roles.Contains(AccountRoles.Moderator));
        var pageQueries = recorder.Commands.Where(c => c.Sql.Contains("FROM \"AccUsers\"", StringComparison.Ordinal)).ToList();
        pageQueries.Count.ShouldBe(2);
        (await PlanAsync(pageQueries[0])).ShouldNotContain(step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal), "sorting 1,000+ students would grow with the role");
        (await PlanAsync(pageQueries[1])).ShouldContain(step => step.Contains("LIST SUBQUERY", StringComparison.Ordinal), "five moderators are cheapest read whole");
    }

    private async Task<List<string>> PlanAsync(RecordedCommand query)
    {
        await using var connection = new SqliteConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query.Sql;
        foreach (var (name, value) in query.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
