using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts;
using RateMyModule.Accounts.Data;
using RateMyModule.Courses;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Uow;
using RateMyModule.Reviews;
using RateMyModule.Reviews.Data;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Web.Tests.Scaling;

/// <summary>
/// Issue 11: two replicas on one database and one Redis. What one commits, the other's very next request shows,
/// although both cache pages, statistics, the catalogue and permission grants in their own memory; the sign-in
/// limit counts a client's attempts on both; a sign-in cookie from one is good on the other.
/// </summary>
public sealed class TwoReplicasTests(TwoReplicasFixture replicas) : IClassFixture<TwoReplicasFixture>
{
    private const string DemoPassword = "Demo-pass-2026";
    private static readonly string[] Tags = ["Replicas"];

    [Fact]
    public async Task A_review_written_through_one_replica_is_in_the_others_cached_page_and_charts_at_once()
    {
        var module = await FindModuleAsync();
        using var visitorOnB = replicas.B.CreateClient();
        using var studentOnB = replicas.B.CreateClientAs(module.Student);
        var stats = $"/api/v1/modules/{module.Id}/stats";
        (await visitorOnB.GetAsync(stats)).EnsureSuccessStatusCode();
        var cached = await visitorOnB.GetAsync(stats);
        cached.Headers.Age.ShouldNotBeNull("B serves the visitor's second request from its own output cache");
        var before = ReviewCount(await cached.Content.ReadFromJsonAsync<JsonElement>());
        ReviewCount(await studentOnB.GetFromJsonAsync<JsonElement>(stats)).ShouldBe(before, "and the signed-in student's from B's data cache");

        using var adminOnA = replicas.A.CreateClientAs(module.Admin);
        var created = await adminOnA.PostAsJsonAsync($"/api/v1/modules/{module.Id}/reviews",
            new { overall = 5, difficulty = 2, text = "Written on replica A", academicYear = 2024, tags = Tags });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var reviewId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        try
        {
            var afterOnB = await visitorOnB.GetAsync(stats);
            afterOnB.Headers.Age.ShouldBeNull("the entry B made before A's write is not served after it");
            ReviewCount(await afterOnB.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe(before + 1);
            ReviewCount(await studentOnB.GetFromJsonAsync<JsonElement>(stats)).ShouldBe(before + 1);
            (await visitorOnB.GetStringAsync($"/api/v1/modules/{module.Id}/reviews?sort=Newest")).ShouldContain("Written on replica A");
            (await studentOnB.GetStringAsync(module.PagePath)).ShouldContain("Written on replica A");
        }
        finally
        {
            (await adminOnA.DeleteAsync($"/api/v1/reviews/{reviewId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        ReviewCount(await visitorOnB.GetFromJsonAsync<JsonElement>(stats)).ShouldBe(before, "the delete on A is seen on B too");
    }

    [Fact]
    public async Task After_redis_lost_its_data_a_write_on_one_replica_is_still_seen_by_the_other()
    {
        var module = await FindModuleAsync();
        using var visitorOnB = replicas.B.CreateClient();
        using var adminOnA = replicas.A.CreateClientAs(module.Admin);
        var stats = $"/api/v1/modules/{module.Id}/stats";
        // Both replicas have moved their counters past zero, and B caches the statistics.
        var warmUp = await adminOnA.PostAsJsonAsync($"/api/v1/modules/{module.Id}/reviews",
            new { overall = 3, text = "Before the flush", academicYear = 2024, tags = Tags });
        warmUp.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await adminOnA.DeleteAsync(warmUp.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await visitorOnB.GetAsync(stats);
        var cached = await visitorOnB.GetAsync(stats);
        cached.Headers.Age.ShouldNotBeNull();
        var before = ReviewCount(await cached.Content.ReadFromJsonAsync<JsonElement>());

        // Redis restarted without persistence: the counters would start again from zero.
        await replicas.Redis.DeleteKeysAsync("rmm:data-generations");
        var created = await adminOnA.PostAsJsonAsync($"/api/v1/modules/{module.Id}/reviews",
            new { overall = 4, text = "After the flush", academicYear = 2024, tags = Tags });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        try
        {
            var after = await visitorOnB.GetAsync(stats);
            after.Headers.Age.ShouldBeNull();
            ReviewCount(await after.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe(before + 1);
        }
        finally
        {
            (await adminOnA.DeleteAsync(created.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task A_catalogue_change_on_one_replica_is_on_the_others_pages_at_once()
    {
        var module = await FindModuleAsync();
        using var visitorOnB = replicas.B.CreateClient();
        using var studentOnB = replicas.B.CreateClientAs(module.Student);
        await visitorOnB.GetStringAsync(module.PagePath);
        var oldName = (await visitorOnB.GetFromJsonAsync<JsonElement>($"/api/v1/modules/{module.Id}")).GetProperty("name").GetString()!;
        (await studentOnB.GetStringAsync(module.PagePath)).ShouldContain(oldName);

        using var adminOnA = replicas.A.CreateClientAs(module.Admin);
        await RenameAsync(adminOnA, module.Id, "Renamed on replica A");
        try
        {
            (await studentOnB.GetStringAsync(module.PagePath)).ShouldContain("Renamed on replica A");
            (await visitorOnB.GetStringAsync(module.PagePath)).ShouldContain("Renamed on replica A");
        }
        finally
        {
            await RenameAsync(adminOnA, module.Id, oldName);
        }
    }

    [Fact]
    public async Task A_permission_revoked_on_one_replica_is_refused_by_the_other_at_once()
    {
        var module = await FindModuleAsync();
        var moderator = new TestUser(Guid.NewGuid(), "moderator@replicas.test", [AccountRoles.Moderator], module.Student.UniversityId);
        using var moderatorOnB = replicas.B.CreateClientAs(moderator);
        (await moderatorOnB.GetAsync("/Admin/Reports")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await moderatorOnB.GetAsync("/Admin/Reports")).StatusCode.ShouldBe(HttpStatusCode.OK, "B now holds the grants in memory");

        await ChangeGrantOnAAsync(store => store.RevokeAsync(AccountRoles.Moderator, ReviewsPermissions.Moderate));
        try
        {
            (await moderatorOnB.GetAsync("/Admin/Reports")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        }
        finally
        {
            await ChangeGrantOnAAsync(store => store.GrantAsync(AccountRoles.Moderator, ReviewsPermissions.Moderate));
        }

        (await moderatorOnB.GetAsync("/Admin/Reports")).StatusCode.ShouldBe(HttpStatusCode.OK, "and the grant given back on A");
    }

    [Fact]
    public async Task The_sign_in_limit_counts_a_clients_attempts_on_both_replicas()
    {
        await replicas.Redis.DeleteKeysAsync("*rmm:rate:*");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt <= TwoReplicasFixture.SignInPermitLimit; attempt++)
        {
            // Alternating, as a round-robin balancer would send them; each replica alone sees at most three.
            var replica = attempt % 2 == 0 ? replicas.A : replicas.B;
            using var client = CookieClient(replica, new CookieContainer());
            last = await SignInAsync(client, "nobody@replicas.test", "Wrong-password-2026");
            statuses.Add(last.StatusCode);
        }

        statuses.ShouldBe([.. Enumerable.Repeat(HttpStatusCode.OK, TwoReplicasFixture.SignInPermitLimit), HttpStatusCode.TooManyRequests]);
        last!.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        await replicas.Redis.DeleteKeysAsync("*rmm:rate:*");
    }

    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_replica_is_accepted_by_the_other()
    {
        await replicas.Redis.DeleteKeysAsync("*rmm:rate:*");
        var module = await FindModuleAsync();
        var cookies = new CookieContainer();
        using var onA = CookieClient(replicas.A, cookies);
        using var onB = CookieClient(replicas.B, cookies);
        (await onB.GetAsync("/Account/Manage/Sessions")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in yet");

        var signedIn = await SignInAsync(onA, module.Student.Email, DemoPassword);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var onBAfter = await onB.GetAsync("/Account/Manage/Sessions");
        onBAfter.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await onBAfter.Content.ReadAsStringAsync()).ShouldContain(module.Student.Email);
        await replicas.Redis.DeleteKeysAsync("*rmm:rate:*");
    }

    private async Task<ReplicaModule> FindModuleAsync()
    {
        await using var scope = replicas.A.Services.CreateAsyncScope();
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewsDbContext>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var moduleId = await reviews.Reviews.GroupBy(r => r.ModuleId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
        var universityId = await reviews.Reviews.Where(r => r.ModuleId == moduleId).Select(r => r.UniversityId).FirstAsync();
        var student = await accounts.Users.Where(u => u.UniversityId == universityId && u.Email!.StartsWith("student@")).SingleAsync();
        var admin = await accounts.Users.Where(u => u.Email == "admin@demo.ratemymodule.app").SingleAsync();
        var catalogue = scope.ServiceProvider.GetRequiredService<ICatalogueLookup>();
        var module = (await catalogue.GetModuleAsync(moduleId))!;
        return new ReplicaModule(
            moduleId,
            CataloguePaths.Module((await catalogue.GetUniversityAsync(universityId))!, module),
            new TestUser(student.Id, student.Email!, [AccountRoles.Student], universityId),
            new TestUser(admin.Id, admin.Email!, [AccountRoles.Admin]));
    }

    private async Task ChangeGrantOnAAsync(Func<PermissionGrantStore, Task> change)
    {
        await using var scope = replicas.A.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        await unitOfWork.BeginWriteAsync();
        await change(scope.ServiceProvider.GetRequiredService<PermissionGrantStore>());
        await unitOfWork.CompleteAsync();
    }

    private static async Task RenameAsync(HttpClient admin, Guid moduleId, string name)
    {
        var module = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/modules/{moduleId}");
        var renamed = await admin.PutAsJsonAsync($"/api/v1/modules/{moduleId}", new
        {
            universityId = module.GetProperty("universityId").GetGuid(),
            name,
            code = module.GetProperty("code").GetString(),
            startedOn = module.GetProperty("startedOn").GetString(),
            courseIds = module.GetProperty("courseIds").EnumerateArray().Select(c => c.GetGuid()).ToList(),
        });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
    }

    private static HttpClient CookieClient(TwoReplicasFixture.Replica replica, CookieContainer cookies) =>
        replica.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var page = await Html.ParseAsync(await client.GetAsync("/Account/Login"));
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private static int ReviewCount(JsonElement stats) => stats.GetProperty("reviewCount").GetInt32();

    /// <param name="PagePath">The module page's address (/Universities/{university}/Modules/{code}).</param>
    private sealed record ReplicaModule(Guid Id, string PagePath, TestUser Student, TestUser Admin);
}
