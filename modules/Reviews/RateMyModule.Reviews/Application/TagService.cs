using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Caching;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Application;

/// <param name="CanChange">Whether the current user may verify, rename or merge it (see <see cref="TagService"/>).</param>
public sealed record TagView(Guid Id, string Name, TagKind Kind, bool IsVerified, int ReviewCount, bool CanChange = false);

public sealed record TagPage(IReadOnlyList<TagView> Items, string? NextCursor);

/// <summary>
/// Tag autocomplete and the public tag list for everyone; verify, rename and merge for tag managers. Tags are one
/// name space across universities, so a change shows on every page that carries the tag: holders of
/// <see cref="ReviewsPermissions.ManageAllTags"/> (the Admin) change any tag, holders of
/// <see cref="ReviewsPermissions.ManageTags"/> only a tag whose every review is of their own university.
/// </summary>
public sealed class TagService(ReviewsDbContext db, ReviewsWriteGate gate, ReviewAccess access, DataCache cache, ModuleStatsRebuilder rebuilder)
{
    public const int MaxPageSize = 100;

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
            .Select(t => new TagView(t.Id, t.Name, t.Kind, t.IsVerified, 0, false)).ToListAsync(cancellationToken);
    }

    /// <summary>Verified tags in name order, optionally by name prefix, a keyset page at a time (the public API).</summary>
    public async Task<TagPage> GetVerifiedPageAsync(string? prefix, string? after, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = db.Tags.AsNoTracking().Where(t => t.IsVerified);
        var normalized = Tag.Normalize(prefix ?? "");
        if (normalized.Length > 0)
        {
            query = query.Where(t => t.NormalizedName.StartsWith(normalized));
        }

        if (!string.IsNullOrEmpty(after))
        {
            // The cursor is the last normalized name of the previous page: unique, and the index's order.
            query = query.Where(t => t.NormalizedName.CompareTo(after) > 0);
        }

        var rows = await query.OrderBy(t => t.NormalizedName).Take(pageSize + 1)
            .Select(t => new { View = new TagView(t.Id, t.Name, t.Kind, true, db.ReviewTags.Count(rt => rt.TagId == t.Id), false), t.NormalizedName })
            .ToListAsync(cancellationToken);
        var more = rows.Count > pageSize;
        var page = rows.Take(pageSize).ToList();
        return new TagPage(page.Select(r => r.View).ToList(), more ? page[^1].NormalizedName : null);
    }

    /// <summary>
    /// The verified tags of a module's visible reviews, most used first, from the counts <see cref="ModuleStatsWriter"/>
    /// keeps; cached until a Reviews change commits.
    /// </summary>
    public Task<IReadOnlyList<TagView>> GetModuleTagsAsync(Guid moduleId, CancellationToken cancellationToken = default)
        => cache.GetOrReadAsync(DataCacheKey.For<ReviewsDbContext>($"reviews:module-tags:{moduleId}"), ct => ReadModuleTagsAsync(moduleId, ct), cancellationToken);

    private async Task<IReadOnlyList<TagView>> ReadModuleTagsAsync(Guid moduleId, CancellationToken cancellationToken)
    {
        var tags = await (
            from c in db.TagCounts.AsNoTracking()
            join t in db.Tags on c.TagId equals t.Id
            where c.ModuleId == moduleId && c.Count > 0 && t.IsVerified
            select new TagView(t.Id, t.Name, t.Kind, true, c.Count, false)).ToListAsync(cancellationToken);
        return tags.OrderByDescending(t => t.ReviewCount).ThenBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Every tag for the Admin; for a university's tag manager, the tags its reviews use, each saying whether they may change it.</summary>
    public async Task<IReadOnlyList<TagView>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var university = await RequireManagerAsync(cancellationToken);
        var tags = db.Tags.AsNoTracking();
        if (university is { } own)
        {
            tags = tags.Where(t => db.Reviews.Any(r => r.UniversityId == own && r.Tags.Any(x => x.TagId == t.Id)));
        }

        return await tags
            .OrderBy(t => t.IsVerified).ThenBy(t => t.NormalizedName)
            .Select(t => new TagView(t.Id, t.Name, t.Kind, t.IsVerified, db.ReviewTags.Count(rt => rt.TagId == t.Id),
                university == null || !db.Reviews.Any(r => r.UniversityId != university && r.Tags.Any(x => x.TagId == t.Id))))
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
            throw new BusinessException("Reviews:TagLength", "Each tag must be 1 to 40 characters.", ReviewLimits.TagNameMin, ReviewLimits.TagNameMax) { Field = "Name" };
        }

        if (!Tag.HasAllowedCharacters(tidy))
        {
            throw new BusinessException("Reviews:TagCharacters", "A tag may contain only letters, digits, spaces and !?¿¡' +&()#-.", tidy) { Field = "Name" };
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

    /// <summary>
    /// Moves every review of <paramref name="sourceId"/> to <paramref name="targetId"/> and removes the source. Only the
    /// source's reviews change, so a university's manager may merge its own tag into any verified tag (a typo into
    /// the shared "Java"), but not into another university's unverified one.
    /// </summary>
    public async Task MergeAsync(Guid sourceId, Guid targetId, CancellationToken cancellationToken = default)
    {
        if (sourceId == targetId)
        {
            throw new BusinessException("Reviews:MergeIntoItself", "Choose another tag to merge into.") { Field = "TargetId" };
        }

        var source = await FindForChangeAsync(sourceId, cancellationToken);
        var target = await db.Tags.FirstOrDefaultAsync(t => t.Id == targetId, cancellationToken) ?? throw new EntityNotFoundException("Tag", targetId);
        if (!target.IsVerified && await RequireManagerAsync(cancellationToken) is { } university && !await OnlyOfAsync(targetId, university, cancellationToken))
        {
            throw new EntityNotFoundException("Tag", targetId);
        }

        var moving = await db.ReviewTags.Where(rt => rt.TagId == source.Id).ToListAsync(cancellationToken);
        var already = await db.ReviewTags.Where(rt => rt.TagId == target.Id).Select(rt => rt.ReviewId).ToListAsync(cancellationToken);
        db.ReviewTags.RemoveRange(moving);
        db.ReviewTags.AddRange(moving.Where(m => !already.Contains(m.ReviewId)).Select(m => new ReviewTag { ReviewId = m.ReviewId, TagId = target.Id }));
        db.Tags.Remove(source);
        await db.SaveChangesAsync(cancellationToken);
        await db.TagCounts.Where(c => c.TagId == source.Id).ExecuteDeleteAsync(cancellationToken);
        await rebuilder.RebuildTagAsync(target.Id, cancellationToken);
    }

    private async Task<Tag> FindForChangeAsync(Guid tagId, CancellationToken cancellationToken)
    {
        await gate.EnterAsync(cancellationToken);
        var university = await RequireManagerAsync(cancellationToken);
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == tagId, cancellationToken) ?? throw new EntityNotFoundException("Tag", tagId);
        if (university is { } own && !await OnlyOfAsync(tagId, own, cancellationToken))
        {
            throw new BusinessException("Reviews:TagBeyondUniversity", "Reviews of other universities use this tag too: only an administrator can change it.");
        }

        return tag;
    }

    /// <summary>True when the tag is on at least one review and every review carrying it is of <paramref name="universityId"/>.</summary>
    private async Task<bool> OnlyOfAsync(Guid tagId, Guid universityId, CancellationToken cancellationToken) =>
        await db.Reviews.AnyAsync(r => r.UniversityId == universityId && r.Tags.Any(x => x.TagId == tagId), cancellationToken)
        && !await db.Reviews.AnyAsync(r => r.UniversityId != universityId && r.Tags.Any(x => x.TagId == tagId), cancellationToken);

    /// <summary>Null for managers of every tag; otherwise the one university whose own tags the user manages.</summary>
    private async Task<Guid?> RequireManagerAsync(CancellationToken cancellationToken)
    {
        if (await access.HoldsAsync(ReviewsPermissions.ManageAllTags, cancellationToken))
        {
            return null;
        }

        var scope = await access.ModeratedUniversitiesAsync(ReviewsPermissions.ManageTags, cancellationToken);
        return scope is [var university] ? university : throw new EntityNotFoundException("Page", "tags");
    }
}
