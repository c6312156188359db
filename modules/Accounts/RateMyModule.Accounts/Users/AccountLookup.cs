using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Data;
using RateMyModule.Courses;
using RateMyModule.Framework.Caching;

namespace RateMyModule.Accounts.Users;

/// <summary>
/// The Accounts module's answers to other modules (<see cref="IAccountLookup"/>). What a signed-in student's every
/// page asks (their courses, whether they may review a module) comes from the <see cref="DataCache"/> until an
/// account or catalogue change commits.
/// </summary>
public sealed class AccountLookup(IServiceProvider services, DataCache cache, ICatalogueLookup catalogue) : IAccountLookup, IEmailRecipientLookup
{
    private AccountsDbContext? _db;

    // Resolved on first use: a request the cache answers opens no connection.
    private AccountsDbContext db => _db ??= services.GetRequiredService<AccountsDbContext>();

    public async Task<IReadOnlyList<UserSummaryDto>> GetUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.UniversityId }).ToListAsync(cancellationToken);
        var roles = await RolesOfAsync(userIds, cancellationToken);
        return users.Select(u => new UserSummaryDto(u.Id, u.Email ?? "", u.UniversityId, roles.GetValueOrDefault(u.Id) ?? [])).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, int>> CountStudentsByCourseAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default)
        => await db.Enrolments.AsNoTracking()
            .Where(e => courseIds.Contains(e.CourseId))
            .GroupBy(e => e.CourseId)
            .Select(g => new { CourseId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CourseId, g => g.Count, cancellationToken);

    public Task<IReadOnlyList<Guid>> GetEnrolledCourseIdsAsync(Guid userId, CancellationToken cancellationToken = default)
        => cache.GetOrReadAsync<IReadOnlyList<Guid>>(DataCacheKey.For<AccountsDbContext>($"accounts:enrolments:{userId}"), async ct =>
            await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId).Select(e => e.CourseId).ToListAsync(ct), cancellationToken);

    public async Task<ReviewEligibility> GetReviewEligibilityAsync(Guid userId, Guid moduleId, CancellationToken cancellationToken = default)
    {
        // The catalogue's answers are cached by the catalogue; this module caches only its own facts about the user.
        var user = await GetReviewerAsync(userId, cancellationToken);
        var module = await catalogue.GetModuleAsync(moduleId, cancellationToken);
        if (user is null || module is null)
        {
            return ReviewEligibility.No;
        }

        if (user.IsAdmin)
        {
            var moduleUniversity = await catalogue.GetUniversityAsync(module.UniversityId, cancellationToken);
            return new ReviewEligibility(true, null, moduleUniversity?.ShortName);
        }

        var shared = user.CourseIds.Intersect(module.CourseIds).ToList();
        if (shared.Count == 0 || user.UniversityId is not { } universityId)
        {
            return ReviewEligibility.No;
        }

        var course = (await catalogue.GetCoursesAsync(shared, cancellationToken)).OrderBy(c => c.Name, StringComparer.Ordinal).First();
        var university = await catalogue.GetUniversityAsync(universityId, cancellationToken);
        return new ReviewEligibility(true, course.StudentType, university?.ShortName);
    }

    private Task<Reviewer?> GetReviewerAsync(Guid userId, CancellationToken cancellationToken)
        => cache.GetOrReadAsync(DataCacheKey.For<AccountsDbContext>($"accounts:reviewer:{userId}"), async ct =>
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.UniversityId }).SingleOrDefaultAsync(ct);
            if (user is null)
            {
                return null;
            }

            var roles = await RolesOfAsync([userId], ct);
            var courses = await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId).Select(e => e.CourseId).ToListAsync(ct);
            return new Reviewer(user.UniversityId, roles.GetValueOrDefault(userId)?.Contains(AccountRoles.Admin) == true, courses);
        }, cancellationToken);

    public async Task<IReadOnlyList<EmailRecipient>> GetModeratorsToNotifyAsync(Guid universityId, CancellationToken cancellationToken = default)
        => await (from user in db.Users.AsNoTracking()
                  join userRole in db.UserRoles on user.Id equals userRole.UserId
                  join role in db.Roles on userRole.RoleId equals role.Id
                  where user.EmailConfirmed
                      && ((role.Name == AccountRoles.Moderator && user.UniversityId == universityId) || role.Name == AccountRoles.Admin)
                  select new EmailRecipient(user.Email!, user.PreferredCulture))
            .Distinct()
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, EmailRecipient>> GetEmailRecipientsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
        => await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.EmailConfirmed && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => new EmailRecipient(u.Email!, u.PreferredCulture), cancellationToken);

    private async Task<Dictionary<Guid, List<string>>> RolesOfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
        => (await (from userRole in db.UserRoles.AsNoTracking()
                   join role in db.Roles on userRole.RoleId equals role.Id
                   where userIds.Contains(userRole.UserId)
                   select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
            .GroupBy(r => r.UserId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Name!).OrderBy(n => n, StringComparer.Ordinal).ToList());

    private sealed record Reviewer(Guid? UniversityId, bool IsAdmin, IReadOnlyList<Guid> CourseIds);
}
