using System.Security.Claims;
using RateMyModule.Accounts;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Users;

namespace RateMyModule.Reviews.Application;

/// <summary>Who the current user is for the Reviews module: signed in or not, and which universities they moderate.</summary>
public sealed class ReviewAccess(ICurrentUser currentUser, IPermissionChecker permissions)
{
    public Guid? UserId => currentUser.Id;

    public bool IsAdmin => currentUser.IsInRole(AccountRoles.Admin);

    /// <summary>The university of a Moderator, UniversityAdmin or student (claim), null for Admins and visitors.</summary>
    public Guid? UniversityId =>
        Guid.TryParse(currentUser.Principal?.FindFirstValue(AccountClaimTypes.UniversityId), out var id) ? id : null;

    public Guid RequireUserId() =>
        currentUser.Id ?? throw new BusinessException("Reviews:SignInRequired", "Sign in to do this.");

    /// <summary>Whether the user holds <paramref name="permission"/> for reviews of <paramref name="universityId"/>.</summary>
    public async Task<bool> CanAsync(string permission, Guid universityId, CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated)
        {
            return false;
        }

        if (IsAdmin)
        {
            return true;
        }

        return UniversityId == universityId && await permissions.IsGrantedAsync(currentUser.Principal, permission, cancellationToken);
    }

    /// <summary>
    /// Voting and reporting are for the review's own university: its students and staff carry its id in their
    /// claim; Admins belong to every university. Reading stays open to everyone.
    /// </summary>
    public bool BelongsTo(Guid universityId) => currentUser.IsAuthenticated && (IsAdmin || UniversityId == universityId);

    /// <summary>Refuses users outside <paramref name="universityId"/> with a message that says why.</summary>
    public void RequireMemberOf(Guid universityId)
    {
        if (!BelongsTo(universityId))
        {
            throw new BusinessException("Reviews:NotMember", "Only students and staff of this review's university can vote on it or report it.");
        }
    }

    /// <summary>Whether the user holds <paramref name="permission"/> whatever their university (Admins hold all).</summary>
    public async Task<bool> HoldsAsync(string permission, CancellationToken cancellationToken) =>
        currentUser.IsAuthenticated && (IsAdmin || await permissions.IsGrantedAsync(currentUser.Principal, permission, cancellationToken));

    public Task<bool> CanModerateAsync(Guid universityId, CancellationToken cancellationToken) =>
        CanAsync(ReviewsPermissions.Moderate, universityId, cancellationToken);

    /// <summary>The universities whose queue the user works: null means all (Admin), empty means none.</summary>
    public async Task<IReadOnlyList<Guid>?> ModeratedUniversitiesAsync(string permission, CancellationToken cancellationToken)
    {
        if (IsAdmin && currentUser.IsAuthenticated)
        {
            return null;
        }

        if (UniversityId is { } university && await permissions.IsGrantedAsync(currentUser.Principal, permission, cancellationToken))
        {
            return [university];
        }

        return [];
    }
}
