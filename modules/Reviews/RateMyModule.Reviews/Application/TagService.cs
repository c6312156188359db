using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Caching;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Application;

public sealed record TagView(Guid Id, string Name, TagKind Kind, bool IsVerified, int ReviewCount);

/// <summary>Tag autocomplete for everyone; verify, rename and merge for holders of <see cref="ReviewsPermissions.ManageTags"/>.</summary>
public sealed class TagService(ReviewsDbContext db, ReviewsWriteGate gate, ReviewAccess access, DataCache cache)
{
    /// <summary>Verified tags whose name starts with (or contains) <paramref name="term"/>, for the form's autocomplete.</summary>
    public async Task<IReadOnlyList<TagView>> SuggestAsync(string? term, int take = 10, CancellationToken cancellationToken = default)
    {
        var normalized = Tag.Normalize(term ?? "");
        var query = db.Tags.AsNoTracking().Where(t => t.IsVerified);
        if (normalized.Length > 0)
        {
            query = query.Where(t => t.NormalizedName.Contains(normalized));
        }

        return await query.OrderBy(t => t.NormalizedName).Take(take)
            .Select(t => new TagView(t.Id, t.Name, t.Kind, t.IsVerified, 0)).ToListAsync(cancellationToken);
    }

    /// <summary>Verified tags used on a module's visible reviews, for the filter.</summary>
    /// <summary>The verified tags of a module's visible reviews, most used first; cached until a Reviews change commits.</summary>
    public Task<IReadOnlyList<TagView>> GetModuleTagsAsync(Guid moduleId, CancellationToken cancellationToken = default)
        => cache.GetOrReadAsync(DataCacheKey.For<ReviewsDbContext>($"reviews:module-tags:{moduleId}"), ct => ReadModuleTagsAsync(moduleId, ct), cancellationToken);

    private async Task<IReadOnlyList<TagView>> ReadModuleTagsAsync(Guid moduleId, CancellationToken cancellationToken)
    {
        var tags = await (
            from rt in db.ReviewTags.AsNoTracking()
            join r in db.Reviews on rt.ReviewId equals r.Id
            join t in db.Tags on rt.TagId equals t.Id
            where r.ModuleId == moduleId && !r.IsHidden && t.IsVerified
            group rt by new { t.Id, t.Name, t.Kind } into g
            select new TagView(g.Key.Id, g.Key.Name, g.Key.Kind, true, g.Count())).ToListAsync(cancellationToken);
        return tags.OrderByDescending(t => t.ReviewCount).ThenBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task<IReadOnlyList<TagView>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await RequireManagerAsync(cancellationToken);
        return await db.Tags.AsNoTracking()
            .OrderBy(t => t.IsVerified).ThenBy(t => t.NormalizedName)
            .Select(t => new TagView(t.Id, t.Name, t.Kind, t.IsVerified, db.ReviewTags.Count(rt => rt.TagId == t.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task VerifyAsync(Guid tagId, TagKind kind, CancellationToken cancellationToken = default)
    {
        var tag = await FindForChangeAsync(tagId, cancellationToken);
        tag.IsVerified = true;
        tag.Kind = kind;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RenameAsync(Guid tagId, string name, CancellationToken cancellationToken = default)
    {
        var tag = await FindForChangeAsync(tagId, cancellationToken);
        var tidy = Tag.Tidy(name ?? "");
        if (tidy.Length is < ReviewLimits.TagNameMin or > ReviewLimits.TagNameMax)
        {
            throw new BusinessException("Reviews:TagLength", "Each tag must be 2 to 40 characters.", ReviewLimits.TagNameMin, ReviewLimits.TagNameMax) { Field = "Name" };
        }

        var normalized = Tag.Normalize(tidy);
        if (await db.Tags.AnyAsync(t => t.NormalizedName == normalized && t.Id != tagId, cancellationToken))
        {
            throw new BusinessException("Reviews:TagExists", "A tag with this name exists already: merge into it instead.") { Field = "Name" };
        }

        tag.Name = tidy;
        tag.NormalizedName = normalized;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves every review of <paramref name="sourceId"/> to <paramref name="targetId"/> and removes the source.</summary>
    public async Task MergeAsync(Guid sourceId, Guid targetId, CancellationToken cancellationToken = default)
    {
        if (sourceId == targetId)
        {
            throw new BusinessException("Reviews:MergeIntoItself", "Choose another tag to merge into.") { Field = "TargetId" };
        }

        var source = await FindForChangeAsync(sourceId, cancellationToken);
        var target = await db.Tags.FirstOrDefaultAsync(t => t.Id == targetId, cancellationToken) ?? throw new EntityNotFoundException("Tag", targetId);
        var moving = await db.ReviewTags.Where(rt => rt.TagId == source.Id).ToListAsync(cancellationToken);
        var already = await db.ReviewTags.Where(rt => rt.TagId == target.Id).Select(rt => rt.ReviewId).ToListAsync(cancellationToken);
        db.ReviewTags.RemoveRange(moving);
        db.ReviewTags.AddRange(moving.Where(m => !already.Contains(m.ReviewId)).Select(m => new ReviewTag { ReviewId = m.ReviewId, TagId = target.Id }));
        db.Tags.Remove(source);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Tag> FindForChangeAsync(Guid tagId, CancellationToken cancellationToken)
    {
        await gate.EnterAsync(cancellationToken);
        await RequireManagerAsync(cancellationToken);
        return await db.Tags.FirstOrDefaultAsync(t => t.Id == tagId, cancellationToken) ?? throw new EntityNotFoundException("Tag", tagId);
    }

    private async Task RequireManagerAsync(CancellationToken cancellationToken)
    {
        // Tags are one name space for every university, so any holder of the permission manages all of them.
        var scope = await access.ModeratedUniversitiesAsync(ReviewsPermissions.ManageTags, cancellationToken);
        if (scope is { Count: 0 })
        {
            throw new EntityNotFoundException("Page", "tags");
        }
    }
}
