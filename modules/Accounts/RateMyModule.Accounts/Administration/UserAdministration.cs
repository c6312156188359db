using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts.Data;
using RateMyModule.Accounts.Registration;
using RateMyModule.Accounts.Users;

namespace RateMyModule.Accounts.Administration;

public sealed record AdminUserRow(Guid Id, string Email, Guid? UniversityId, bool EmailConfirmed, bool IsLockedOut, IReadOnlyList<string> Roles)
{
    /// <summary>When the account was made (the sign-up, or an administrator's seeding).</summary>
    public DateTimeOffset SignedUp { get; init; }

    /// <summary>How many courses the user is on.</summary>
    public int CourseCount { get; init; }

    /// <summary>When a session of the user last began; null if they never signed in.</summary>
    public DateTimeOffset? LastSignIn { get; init; }
}

/// <summary>
/// An administrator's new user: the account made, or why not, as a localization key for one form field
/// (<see cref="Field"/> is "Email" or "Role").
/// </summary>
public sealed record UserInvitation(AccountUser? User, string? Field = null, string? ErrorKey = null)
{
    public bool Succeeded => User is not null;
}

/// <param name="NextAfter">The cursor of the next page (the last row's normalized email), or null on the last page.</param>
public sealed record AdminUserPage(IReadOnlyList<AdminUserRow> Rows, string? NextAfter);

/// <summary>What /Admin/Users narrows the list by; a null member does not narrow. The university applies to an Admin only.</summary>
/// <param name="SignedUpFrom">The first day of sign-ups listed (UTC), inclusive.</param>
/// <param name="SignedUpTo">The last day of sign-ups listed (UTC), inclusive.</param>
public sealed record AdminUserFilter(
    string? Search = null, Guid? UniversityId = null, string? Role = null, bool? Confirmed = null, bool? Locked = null,
    DateOnly? SignedUpFrom = null, DateOnly? SignedUpTo = null);

/// <summary>
/// The user administration of /Admin/Users (for holders of <see cref="AccountsPermissions.ManageUsers"/>). An Admin
/// sees everyone; anyone else sees only their own university's users, and anyone outside it is, to them, not there
/// at all (null, so the page answers 404 rather than "forbidden").
/// </summary>
public sealed class UserAdministration(AccountsDbContext db, UserManager<AccountUser> users, EmailAddressPolicy addresses, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>Above this many members a role filter walks the users in order instead of sorting the members.</summary>
    public const int LargeRoleMembers = 1000;

    /// <summary>Roles an administrator hands out; each is scoped to the user's own university.</summary>
    public static readonly IReadOnlyList<string> AssignableRoles = [AccountRoles.Moderator, AccountRoles.UniversityAdmin];

    /// <summary>The role a new user may be made with: a student, or staff of their university.</summary>
    public static readonly IReadOnlyList<string> InvitableRoles = [AccountRoles.Student, .. AssignableRoles];

    public async Task<AdminUserPage> ListAsync(ClaimsPrincipal actor, AdminUserFilter filter, string? after, CancellationToken cancellationToken = default)
    {
        var query = await FilteredAsync(Scoped(actor), filter, cancellationToken);

        if (!string.IsNullOrEmpty(after))
        {
            query = query.Where(u => string.Compare(u.NormalizedEmail, after) > 0);
        }

        var page = await query.OrderBy(u => u.NormalizedEmail).Take(PageSize + 1)
            // The course count is a subquery of the same statement: one query a page, however many rows it has.
            .Select(u => new { u.Id, u.Email, u.NormalizedEmail, u.UniversityId, u.EmailConfirmed, u.LockoutEnd, u.CreationTime, u.LastSignInTime, Courses = u.Enrolments.Count })
            .ToListAsync(cancellationToken);
        var shown = page.Take(PageSize).ToList();
        var roles = await RolesOfAsync(shown.Select(u => u.Id).ToList(), cancellationToken);
        var now = clock.GetUtcNow();
        var rows = shown.Select(u => new AdminUserRow(u.Id, u.Email ?? "", u.UniversityId, u.EmailConfirmed, u.LockoutEnd > now, roles.GetValueOrDefault(u.Id) ?? [])
        {
            SignedUp = u.CreationTime,
            CourseCount = u.Courses,
            LastSignIn = u.LastSignInTime,
        }).ToList();
        return new AdminUserPage(rows, page.Count > PageSize ? shown[^1].NormalizedEmail : null);
    }

    public async Task<AdminUserRow?> FindAsync(ClaimsPrincipal actor, Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await Scoped(actor).Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.UniversityId, u.EmailConfirmed, u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await RolesOfAsync([user.Id], cancellationToken);
        return new AdminUserRow(user.Id, user.Email ?? "", user.UniversityId, user.EmailConfirmed, user.LockoutEnd > clock.GetUtcNow(), roles.GetValueOrDefault(user.Id) ?? []);
    }

    /// <summary>
    /// Makes an account for <paramref name="email"/> with one role, as an administrator, without a password: its
    /// owner chooses one through the invitation's password-reset link. The university is the address's, found as
    /// sign-up finds it, and must be the actor's own unless the actor is an Admin. The address counts as confirmed,
    /// because an administrator vouched for it and only its mailbox receives the link.
    /// </summary>
    public async Task<UserInvitation> InviteAsync(ClaimsPrincipal actor, string email, string? role, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        if (role is null || !InvitableRoles.Contains(role))
        {
            return new(null, "Role", "InviteRoleRequired");
        }

        var check = await addresses.CheckAsync(email, cancellationToken: cancellationToken);
        if (!check.IsAccepted)
        {
            return new(null, "Email", "EmailRefusal:" + check.Refusal);
        }

        // An administrator may know which addresses have accounts: they can list them.
        if (check.ExistingUserId is not null)
        {
            return new(null, "Email", "InviteEmailTaken");
        }

        var university = check.University!.Id;
        if (!actor.IsInRole(AccountRoles.Admin)
            && !(Guid.TryParse(actor.FindFirstValue(AccountClaimTypes.UniversityId), out var own) && own == university))
        {
            return new(null, "Email", "InviteOtherUniversity");
        }

        var user = new AccountUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            UniversityId = university,
            PreferredCulture = CultureInfo.CurrentUICulture.Name,
        };
        Require(await users.CreateAsync(user));
        Require(await users.AddToRoleAsync(user, role));
        return new(user);

        static void Require(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Creating an invited user failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
            }
        }
    }

    /// <summary>Grants exactly <paramref name="roles"/> of the assignable ones; false when the user is out of the actor's scope.</summary>
    public async Task<bool> SetRolesAsync(ClaimsPrincipal actor, Guid userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        var user = await Scoped(actor).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.UniversityId is null)
        {
            return false;
        }

        foreach (var role in AssignableRoles)
        {
            var has = await users.IsInRoleAsync(user, role);
            var wanted = roles.Contains(role);
            var result = wanted && !has ? await users.AddToRoleAsync(user, role)
                : !wanted && has ? await users.RemoveFromRoleAsync(user, role)
                : IdentityResult.Success;
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Changing roles failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
            }
        }

        // New roles take effect at the user's next request rather than when their cookie expires.
        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    /// <summary>Locks (indefinitely) or unlocks; an actor cannot lock themselves out.</summary>
    public async Task<bool> SetLockedAsync(ClaimsPrincipal actor, Guid userId, bool locked, CancellationToken cancellationToken = default)
    {
        var user = await Scoped(actor).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.Id.ToString() == actor.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return false;
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (locked)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        return true;
    }

    private async Task<IQueryable<AccountUser>> FilteredAsync(IQueryable<AccountUser> query, AdminUserFilter filter, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var normalized = filter.Search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(normalized));
        }

        // A UniversityAdmin's list is already their university's; narrowing it further by another id only empties it.
        if (filter.UniversityId is { } universityId)
        {
            query = query.Where(u => u.UniversityId == universityId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Role))
        {
            var normalizedRole = filter.Role.Trim().ToUpperInvariant();
            var roleId = await db.Roles.AsNoTracking().Where(r => r.NormalizedName == normalizedRole).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
            var members = db.UserRoles.Where(ur => ur.RoleId == roleId);

            // The cheap plan depends on the role's size, which SQLite keeps no statistics of: a small role is read
            // whole and sorted (at most LargeRoleMembers rows); a large one is met by walking the users in email
            // order and checking each, which finds a page's worth quickly because its members are everywhere.
            var large = await members.Take(LargeRoleMembers + 1).CountAsync(cancellationToken) > LargeRoleMembers;
            query = large
                ? query.Where(u => members.Any(ur => ur.UserId == u.Id))
                : query.Where(u => members.Select(ur => ur.UserId).Contains(u.Id));
        }

        if (filter.Confirmed is { } confirmed)
        {
            query = query.Where(u => u.EmailConfirmed == confirmed);
        }

        if (filter.SignedUpFrom is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(u => u.CreationTime >= start);
        }

        if (filter.SignedUpTo is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(u => u.CreationTime < end);
        }

        if (filter.Locked is { } locked)
        {
            var now = clock.GetUtcNow();
            query = locked
                ? query.Where(u => u.LockoutEnd != null && u.LockoutEnd > now)
                : query.Where(u => u.LockoutEnd == null || u.LockoutEnd <= now);
        }

        return query;
    }

    private IQueryable<AccountUser> Scoped(ClaimsPrincipal actor)
    {
        if (actor.IsInRole(AccountRoles.Admin))
        {
            return db.Users;
        }

        // Whoever else was given the permission (a UniversityAdmin by default) administers their own university only.
        return Guid.TryParse(actor.FindFirstValue(AccountClaimTypes.UniversityId), out var universityId)
            ? db.Users.Where(u => u.UniversityId == universityId)
            : db.Users.Where(_ => false);
    }

    private async Task<Dictionary<Guid, List<string>>> RolesOfAsync(List<Guid> userIds, CancellationToken cancellationToken)
        => (await (from userRole in db.UserRoles.AsNoTracking()
                   join role in db.Roles on userRole.RoleId equals role.Id
                   where userIds.Contains(userRole.UserId)
                   select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
            .GroupBy(r => r.UserId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Name!).Order(StringComparer.Ordinal).ToList());
}
