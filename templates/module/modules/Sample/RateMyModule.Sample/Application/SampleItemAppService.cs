using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Users;
using RateMyModule.Sample.Data;
using RateMyModule.Sample.Domain;

namespace RateMyModule.Sample.Application;

/// <summary>The current user does not hold <see cref="SamplePermissions.Manage"/>: the web layer answers 403.</summary>
public sealed class SampleAccessDeniedException()
    : BusinessException("Sample:AccessDenied", "You may not manage these items.");

/// <summary>Reading and managing items: authorization and validation happen here, DTOs go out.</summary>
public sealed class SampleItemAppService(SampleDbContext db, ICurrentUser currentUser, IPermissionChecker permissions)
{
    public async Task<IReadOnlyList<SampleItemDto>> GetListAsync(CancellationToken cancellationToken = default)
        => await db.Items.AsNoTracking()
            .OrderBy(i => i.Name)
            .Select(i => new SampleItemDto(i.Id, i.Name, i.CreationTime))
            .ToListAsync(cancellationToken);

    public async Task<Guid> CreateAsync(SampleItemInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await RequireManageAsync(cancellationToken);
        var name = SampleItem.Tidy(input.Name);
        if (name.Length is < SampleLimits.NameMin or > SampleLimits.NameMax)
        {
            throw new BusinessException(
                "Sample:NameLength", $"The name must be {SampleLimits.NameMin} to {SampleLimits.NameMax} characters long.", SampleLimits.NameMin, SampleLimits.NameMax)
            { Field = nameof(SampleItemInput.Name) };
        }

        // The NOCASE unique index has the last word; this check gives the usual case a clear message first.
        if (await db.Items.AnyAsync(i => i.Name == name, cancellationToken))
        {
            throw NameTaken(name);
        }

        var item = new SampleItem { Name = name };
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
        if (!await permissions.IsGrantedAsync(currentUser.Principal, SamplePermissions.Manage, cancellationToken))
        {
            throw new SampleAccessDeniedException();
        }
    }

    private static BusinessException NameTaken(string name)
        => new("Sample:NameTaken", $"There is already an item called {name}.", name) { Field = nameof(SampleItemInput.Name) };
}
