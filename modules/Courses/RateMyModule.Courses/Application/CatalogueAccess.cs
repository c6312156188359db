using System.Security.Claims;
using RateMyModule.Accounts;
using RateMyModule.Courses.Domain;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Users;

namespace RateMyModule.Courses.Application;

/// <summary>The current user may not do this at all (no permission): the web layer answers 403.</summary>
public sealed class CatalogueAccessDeniedException()
    : BusinessException(CatalogueErrorCodes.AccessDenied, "You may not manage the catalogue.");

/// <summary>
/// Which universities the current user may manage: all of them (an Admin, who holds ManageUniversities) or the one
/// in their <see cref="AccountClaimTypes.UniversityId"/> claim. An item of another university is reported as
/// missing, so a UniversityAdmin cannot even learn that it exists.
/// </summary>
public sealed record CatalogueScope(Guid? UniversityId)
{
    public bool CoversAll => UniversityId is null;

    public bool Covers(Guid universityId) => UniversityId is null || UniversityId == universityId;

    public void EnsureCovers(Guid universityId, string entityName, Guid id)
    {
        if (!Covers(universityId))
        {
            throw new EntityNotFoundException(entityName, id);
        }
    }
}

public sealed class CatalogueAccess(ICurrentUser currentUser, IPermissionChecker permissions)
{
    public async Task<CatalogueScope> RequireCatalogueAsync(CancellationToken cancellationToken)
    {
        var principal = currentUser.Principal;
        if (!await permissions.IsGrantedAsync(principal, CoursesPermissions.ManageCatalogue, cancellationToken))
        {
            throw new CatalogueAccessDeniedException();
        }

        if (await permissions.IsGrantedAsync(principal, CoursesPermissions.ManageUniversities, cancellationToken))
        {
            return new CatalogueScope(null);
        }

        // A catalogue manager without a university of their own (a misconfigured account) manages nothing.
        return Guid.TryParse(principal?.FindFirstValue(AccountClaimTypes.UniversityId), out var universityId)
            ? new CatalogueScope(universityId)
            : throw new CatalogueAccessDeniedException();
    }

    public async Task RequireUniversitiesAsync(CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(currentUser.Principal, CoursesPermissions.ManageUniversities, cancellationToken))
        {
            throw new CatalogueAccessDeniedException();
        }
    }
}
