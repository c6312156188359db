using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Users;
using RateMyModule.Notifications.Data;
using RateMyModule.Notifications.Domain;

namespace RateMyModule.Notifications.Application;

/// <summary>The current user does not hold <see cref="NotificationsPermissions.Manage"/>: the web layer answers 403.</summary>
public sealed class NotificationsAccessDeniedException()
    : BusinessException("Notifications:AccessDenied", "You may not manage these items.");

/// <summary>Reading and managing items: authorization and validation happen here, DTOs go out.</summary>
public sealed class NotificationsItemAppService(NotificationsDbContext db, ICurrentUser currentUser, IPermissionChecker permissions)
{
    public async Task<IReadOnlyList<NotificationsItemDto>> GetListAsync(CancellationToken cancellationToken = default)
        => await db.Items.AsNoTracking()
            .OrderBy(i => i.Name)
            .Select(i => new NotificationsItemDto(i.Id, i.Name, i.CreationTime))
            .ToListAsync(cancellationToken);

    public async Task<Guid> CreateAsync(NotificationsItemInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await RequireManageAsync(cancellationToken);
        var name = NotificationsItem.Tidy(input.Name);
        if (name.Length is < NotificationsLimits.NameMin or > NotificationsLimits.NameMax)
        {
            throw new BusinessException(
                "Notifications:NameLength", $"The name must be {NotificationsLimits.NameMin} to {NotificationsLimits.NameMax} characters long.", NotificationsLimits.NameMin, NotificationsLimits.NameMax)
            { Field = nameof(NotificationsItemInput.Name) };
        }

        // The NOCASE unique index has the last word; this check gives the usual case a clear message first.
        if (await db.Items.AnyAsync(i => i.Name == name, cancellationToken))
        {
            throw NameTaken(name);
        }

        var item = new NotificationsItem { Name = name };
        db.Items.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            throw NameTaken(name);
        }

        return item.Id;
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await RequireManageAsync(cancellationToken);
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Item", id);
        db.Items.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RequireManageAsync(CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(currentUser.Principal, NotificationsPermissions.Manage, cancellationToken))
        {
            throw new NotificationsAccessDeniedException();
        }
    }

    private static BusinessException NameTaken(string name)
        => new("Notifications:NameTaken", $"There is already an item called {name}.", name) { Field = nameof(NotificationsItemInput.Name) };
}
