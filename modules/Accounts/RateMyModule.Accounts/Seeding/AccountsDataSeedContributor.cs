using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RateMyModule.Accounts.Enrolments;
using RateMyModule.Accounts.Options;
using RateMyModule.Accounts.Users;
using RateMyModule.Courses;
using RateMyModule.Framework.Seeding;

namespace RateMyModule.Accounts.Seeding;

/// <summary>
/// The four roles, the first Admin from <c>ADMIN_EMAIL</c>/<c>ADMIN_PASSWORD</c>, and the demo accounts. Everything
/// is looked up before it is created, so a second run changes nothing.
/// </summary>
public sealed class AccountsDataSeedContributor(
    UserManager<AccountUser> users,
    RoleManager<AccountRole> roles,
    IOptions<AccountOptions> options,
    IServiceProvider services) : IDataSeedContributor
{
    /// <summary>The password of every demo account (documented in the README).</summary>
    public const string DemoPassword = "Demo-pass-2026";

    public const string DemoAdminEmail = "admin@demo.ratemymodule.app";

    public static readonly IReadOnlyList<string> AllRoles = [AccountRoles.Admin, AccountRoles.UniversityAdmin, AccountRoles.Moderator, AccountRoles.Student];

    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        foreach (var name in AllRoles)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                Check(await roles.CreateAsync(new AccountRole(name)));
            }
        }

        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.AdminEmail) && !string.IsNullOrEmpty(settings.AdminPassword))
        {
            await EnsureUserAsync(settings.AdminEmail, settings.AdminPassword, null, AccountRoles.Admin);
        }

        if (context.IncludeDemoData)
        {
            // Resolved only here: the catalogue comes from the Courses module, which a host without demo data
            // (and the host's own tests) may not have.
            await SeedDemoAsync(services.GetRequiredService<ICatalogueLookup>(), cancellationToken);
        }
    }

    private async Task SeedDemoAsync(ICatalogueLookup catalogue, CancellationToken cancellationToken)
    {
        await EnsureUserAsync(DemoAdminEmail, DemoPassword, null, AccountRoles.Admin);
        var universities = (await catalogue.GetUniversitiesAsync(cancellationToken)).Where(u => !u.IsArchived).ToList();
        var enrolments = services.GetRequiredService<EnrolmentService>();
        foreach (var university in universities)
        {
            var student = await EnsureUserAsync($"student@{university.EmailDomain}", DemoPassword, university.Id, AccountRoles.Student);
            if (!await enrolments.HasAnyAsync(student.Id, cancellationToken))
            {
                var courses = (await catalogue.GetCoursesOfUniversityAsync(university.Id, cancellationToken)).Where(c => !c.IsArchived).Take(2).Select(c => c.Id).ToList();
                if (courses.Count > 0)
                {
                    await enrolments.SetCoursesAsync(student.Id, courses, cancellationToken);
                }
            }
        }

        if (universities.Count > 0)
        {
            var first = universities[0];
            await EnsureUserAsync($"uniadmin@{first.EmailDomain}", DemoPassword, first.Id, AccountRoles.UniversityAdmin);
            await EnsureUserAsync($"moderator@{first.EmailDomain}", DemoPassword, first.Id, AccountRoles.Moderator);
        }
    }

    private async Task<AccountUser> EnsureUserAsync(string email, string password, Guid? universityId, string role)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AccountUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, UniversityId = universityId };
            Check(await users.CreateAsync(user, password));
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding accounts failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
