using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses;
using RateMyModule.Framework.Caching;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Users;
using RateMyModule.Notifications.Data;
using RateMyModule.Notifications.Domain;

namespace RateMyModule.Notifications.Application;

/// <summary>Nobody is signed in: the web layer answers 401 (API) or sends them to sign in.</summary>
public sealed class NotSignedInException()
    : BusinessException("Notifications:NotSignedIn", "Sign in to follow modules.");

/// <summary>The current user's follows and mail settings: validation happens here, DTOs go out.</summary>
public sealed class FollowService(IServiceProvider services, DataCache cache, ICurrentUser currentUser, ICatalogueLookup catalogue, TimeProvider clock)
{
    private NotificationsDbContext? _db;

    // Resolved on first use: the follow button on a module page is usually answered from the cache.
    private NotificationsDbContext db => _db ??= services.GetRequiredService<NotificationsDbContext>();

    /// <summary>Follows a module the catalogue knows and has not archived; following it again changes nothing.</summary>
    public async Task FollowAsync(Guid moduleId, CancellationToken cancellationToken = default)
    {
        var userId = RequireUserId();
        var module = await catalogue.GetModuleAsync(moduleId, cancellationToken);
        if (module is null)
        {
            throw new EntityNotFoundException("Module", moduleId);
        }

        if (await db.Follows.AnyAsync(f => f.UserId == userId && f.ModuleId == moduleId, cancellationToken))
        {
            return;
        }

        if (module.IsArchived)
        {
            throw new BusinessException("Notifications:ModuleArchived", "This module has been archived: it will have no new reviews to follow.");
        }

        var follow = new ModuleFollow { UserId = userId, ModuleId = moduleId, Delivery = FollowDelivery.Immediate, CreationTime = clock.GetUtcNow() };
        db.Follows.Add(follow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConstraintViolation(e))
        {
            // A double click raced past the check above: the unique index kept one follow, which is what was asked.
            db.Entry(follow).State = EntityState.Detached;
        }
    }

    /// <summary>Stops following; not following already is not an error (DELETE is idempotent).</summary>
    public async Task UnfollowAsync(Guid moduleId, CancellationToken cancellationToken = default)
    {
        var userId = RequireUserId();
        await db.Follows.Where(f => f.UserId == userId && f.ModuleId == moduleId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Whether the user follows the module, from their followed modules kept until a follow change commits.</summary>
    public async Task<bool> IsFollowingAsync(Guid moduleId, CancellationToken cancellationToken = default)
        => currentUser.Id is { } userId && (await cache.GetOrReadAsync(
            DataCacheKey.For<NotificationsDbContext>($"notifications:following:{userId:N}"),
            async ct => (IReadOnlySet<Guid>)(await db.Follows.Where(f => f.UserId == userId).Select(f => f.ModuleId).ToListAsync(ct)).ToHashSet(),
            cancellationToken)).Contains(moduleId);

    /// <summary>The modules the user follows, by name; a module the catalogue no longer has is left out.</summary>
    public async Task<IReadOnlyList<FollowDto>> GetFollowsAsync(CancellationToken cancellationToken = default)
    {
        var userId = RequireUserId();
        var follows = await db.Follows.AsNoTracking().Where(f => f.UserId == userId).ToListAsync(cancellationToken);
        var modules = (await catalogue.GetModulesAsync(follows.Select(f => f.ModuleId).ToList(), cancellationToken)).ToDictionary(m => m.Id);
        return follows.Where(f => modules.ContainsKey(f.ModuleId))
            .Select(f => new FollowDto(f.ModuleId, modules[f.ModuleId].Name, modules[f.ModuleId].Code, f.Delivery, f.CreationTime))
            .OrderBy(f => f.ModuleName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    public async Task SetDeliveryAsync(Guid moduleId, FollowDelivery delivery, CancellationToken cancellationToken = default)
    {
        var userId = RequireUserId();
        if (!Enum.IsDefined(delivery))
        {
            throw new BusinessException("Notifications:UnknownDelivery", "Choose how you want to hear about new reviews.") { Field = "Delivery" };
        }

        var follow = await db.Follows.FirstOrDefaultAsync(f => f.UserId == userId && f.ModuleId == moduleId, cancellationToken)
            ?? throw new EntityNotFoundException("Follow", moduleId);
        follow.Delivery = delivery;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> GetModerationEmailsAsync(CancellationToken cancellationToken = default)
    {
        var userId = RequireUserId();
        return await db.Settings.AsNoTracking().Where(s => s.UserId == userId).Select(s => (bool?)s.ModerationEmails).FirstOrDefaultAsync(cancellationToken) ?? true;
    }

    public async Task SetModerationEmailsAsync(bool enabled, CancellationToken cancellationToken = default)
    {
        var userId = RequireUserId();
        var settings = await db.Settings.FindAsync([userId], cancellationToken);
        if (settings is null)
        {
            db.Settings.Add(new NotificationSettings { UserId = userId, ModerationEmails = enabled });
        }
        else
        {
            settings.ModerationEmails = enabled;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private Guid RequireUserId() => currentUser.Id ?? throw new NotSignedInException();
}
