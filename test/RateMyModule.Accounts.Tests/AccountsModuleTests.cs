using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Enrolments;
using RateMyModule.Accounts.Seeding;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.Accounts.Users;
using RateMyModule.Courses;
using RateMyModule.Framework.Seeding;
using RateMyModule.TestBase;

namespace RateMyModule.Accounts.Tests;

/// <summary>The Accounts module without HTTP: seeding, the lookup other modules use, claims, the mail folder.</summary>
public sealed class AccountsModuleFixture : IAsyncLifetime
{
    public ModuleTestHost Host { get; private set; } = null!;

    public TestDatabase Database { get; } = new();

    public async Task InitializeAsync()
    {
        Host = await ModuleTestHost.StartAsync<AccountsModule>(
            services => services.AddSingleton<ICatalogueLookup, TestCatalogue>(),
            new Dictionary<string, string?>
            {
                ["ADMIN_EMAIL"] = "first-admin@ratemymodule.app",
                ["ADMIN_PASSWORD"] = "Opening-keeper-1",
                ["EMAIL_TO_CONSOLE"] = "true",
                ["DATA_DIR"] = Database.DataDirectory,
            },
            Database);
        await Host.Services.GetRequiredService<DataSeeder>().SeedAsync(new DataSeedContext(IncludeDemoData: true));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Database.Dispose();
    }
}

public sealed class AccountsModuleTests(AccountsModuleFixture fixture) : IClassFixture<AccountsModuleFixture>
{
    private ModuleTestHost Host => fixture.Host;

    [Fact]
    public async Task Seeding_twice_changes_nothing_and_makes_roles_admin_and_demo_users()
    {
        await Host.Services.GetRequiredService<DataSeeder>().SeedAsync(new DataSeedContext(IncludeDemoData: true));
        await Host.ScopeAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<AccountRole>>();
            roles.Roles.Select(r => r.Name!).ToList().Order().ShouldBe(AccountsDataSeedContributor.AllRoles.Order());
            var users = sp.GetRequiredService<UserManager<AccountUser>>();
            users.Users.Count().ShouldBe(6, "first admin, demo admin, two students, a university admin and a moderator");
            var admin = await users.FindByEmailAsync("first-admin@ratemymodule.app");
            (await users.IsInRoleAsync(admin!, AccountRoles.Admin)).ShouldBeTrue();
            (await users.CheckPasswordAsync(admin!, "Opening-keeper-1")).ShouldBeTrue();
            var moderator = await users.FindByEmailAsync($"moderator@{TestCatalogue.Birmingham.EmailDomain}");
            moderator!.UniversityId.ShouldBe(TestCatalogue.Birmingham.Id);
            (await users.CheckPasswordAsync(moderator, AccountsDataSeedContributor.DemoPassword)).ShouldBeTrue();
            var student = await users.FindByEmailAsync($"student@{TestCatalogue.Birmingham.EmailDomain}");
            (await sp.GetRequiredService<EnrolmentService>().GetCourseIdsAsync(student!.Id)).Count.ShouldBe(2);
        });
    }

    [Fact]
    public async Task The_cookie_principal_carries_the_university_and_the_roles()
    {
        await Host.ScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AccountUser>>();
            var student = await users.FindByEmailAsync($"student@{TestCatalogue.Cardiff.EmailDomain}");
            var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AccountUser>>().CreateAsync(student!);
            principal.FindFirstValue(AccountClaimTypes.UniversityId).ShouldBe(TestCatalogue.Cardiff.Id.ToString());
            principal.IsInRole(AccountRoles.Student).ShouldBeTrue();
        });
    }

    [Fact]
    public async Task Students_are_counted_per_course_and_may_review_only_modules_of_their_courses()
    {
        await Host.ScopeAsync(async sp =>
        {
            var lookup = sp.GetRequiredService<IAccountLookup>();
            var users = sp.GetRequiredService<UserManager<AccountUser>>();
            var student = (await users.FindByEmailAsync($"student@{TestCatalogue.Birmingham.EmailDomain}"))!;
            var admin = (await users.FindByEmailAsync("first-admin@ratemymodule.app"))!;

            var counts = await lookup.CountStudentsByCourseAsync([TestCatalogue.ComputerScience.Id, TestCatalogue.Mathematics.Id, TestCatalogue.Physics.Id]);
            counts[TestCatalogue.ComputerScience.Id].ShouldBe(1);
            counts[TestCatalogue.Mathematics.Id].ShouldBe(1);
            counts.GetValueOrDefault(TestCatalogue.Physics.Id).ShouldBe(0);

            var algorithms = await lookup.GetReviewEligibilityAsync(student.Id, TestCatalogue.Algorithms.Id);
            algorithms.ShouldBe(new ReviewEligibility(true, "a computer scientist", "UoB"));
            (await lookup.GetReviewEligibilityAsync(student.Id, TestCatalogue.Optics.Id)).CanReview.ShouldBeFalse("the student is not on Physics");
            (await lookup.GetReviewEligibilityAsync(admin.Id, TestCatalogue.Optics.Id)).CanReview.ShouldBeTrue("an Admin may review any module");
        });
    }

    [Fact]
    public async Task Moderator_emails_are_the_universitys_moderators_and_the_admins()
    {
        await Host.ScopeAsync(async sp =>
        {
            var lookup = sp.GetRequiredService<IAccountLookup>();
            (await lookup.GetModeratorsToNotifyAsync(TestCatalogue.Birmingham.Id)).Select(r => r.Email).Order().ShouldBe(new[]
            {
                AccountsDataSeedContributor.DemoAdminEmail, "first-admin@ratemymodule.app", $"moderator@{TestCatalogue.Birmingham.EmailDomain}",
            }.Order());
            (await lookup.GetModeratorsToNotifyAsync(TestCatalogue.Cardiff.Id)).Select(r => r.Email).ShouldNotContain($"moderator@{TestCatalogue.Birmingham.EmailDomain}");

            var users = await lookup.GetUsersAsync([(await sp.GetRequiredService<UserManager<AccountUser>>().FindByEmailAsync($"uniadmin@{TestCatalogue.Birmingham.EmailDomain}"))!.Id]);
            users.Single().Roles.ShouldBe([AccountRoles.UniversityAdmin]);
        });
    }

    [Fact]
    public async Task Email_recipients_are_the_users_with_a_confirmed_address_each_with_their_language()
    {
        await Host.ScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AccountUser>>();
            var confirmed = new AccountUser { Id = Guid.NewGuid(), UserName = "cy-reader@bham.ac.uk", Email = "cy-reader@bham.ac.uk", EmailConfirmed = true, PreferredCulture = "cy", UniversityId = TestCatalogue.Birmingham.Id };
            var unconfirmed = new AccountUser { Id = Guid.NewGuid(), UserName = "new-reader@bham.ac.uk", Email = "new-reader@bham.ac.uk", UniversityId = TestCatalogue.Birmingham.Id };
            (await users.CreateAsync(confirmed)).Succeeded.ShouldBeTrue();
            (await users.CreateAsync(unconfirmed)).Succeeded.ShouldBeTrue();

            var found = await sp.GetRequiredService<IEmailRecipientLookup>().GetEmailRecipientsAsync([confirmed.Id, unconfirmed.Id, Guid.NewGuid()]);

            found.Keys.ShouldBe([confirmed.Id]);
            found[confirmed.Id].ShouldBe(new EmailRecipient("cy-reader@bham.ac.uk", "cy"));
        });
    }

    [Fact]
    public async Task With_email_to_console_a_queued_message_is_written_as_an_eml_file()
    {
        await Host.ScopeAsync(sp => sp.GetRequiredService<IEmailQueue>().EnqueueAsync(new EmailMessage("someone@bham.ac.uk", "Hello there", "Body text")));
        await Host.Services.GetRequiredService<RateMyModule.Framework.BackgroundJobs.BackgroundJobExecutor>().RunDueJobsAsync();
        var files = Directory.GetFiles(Path.Combine(fixture.Database.DataDirectory, "mail"), "*.eml");
        files.ShouldHaveSingleItem();
        var message = await MimeKit.MimeMessage.LoadAsync(files[0]);
        message.Subject.ShouldBe("Hello there");
        message.To.Mailboxes.Single().Address.ShouldBe("someone@bham.ac.uk");
    }
}
