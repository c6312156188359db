using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts;
using RateMyModule.Courses;
using RateMyModule.Framework.Caching;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Events;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Application;

/// <summary>What the review form needs to know about the module and the current user.</summary>
public sealed record ReviewFormContext(ModuleDto Module, int FirstYear, int LastYear, bool CanReview, bool IsClosed, Guid? OwnReviewId, ReviewInput? OwnReview);

/// <summary>Writing, editing and deleting one's own review: authorization and validation happen here.</summary>
public sealed class ReviewService(
    ReviewsDbContext db,
    ReviewsWriteGate gate,
    ModuleStatsWriter stats,
    ReviewAccess access,
    ICatalogueLookup catalogue,
    IAccountLookup accounts,
    DataCache cache,
    TimeProvider clock,
    ILocalEventBus events)
{
    public async Task<ReviewFormContext> GetFormContextAsync(Guid moduleId, CancellationToken cancellationToken = default)
    {
        var module = await catalogue.GetModuleAsync(moduleId, cancellationToken) ?? throw new EntityNotFoundException("Module", moduleId);
        var (first, last) = YearRange(module);
        var closed = module.IsArchived || await cache.GetOrReadAsync(
            DataCacheKey.For<ReviewsDbContext>($"reviews:closed:{moduleId}"), ct => db.ClosedModules.AnyAsync(c => c.ModuleId == moduleId, ct), cancellationToken);
        if (access.UserId is not { } userId)
        {
            return new(module, first, last, false, closed, null, null);
        }

        var eligibility = await accounts.GetReviewEligibilityAsync(userId, moduleId, cancellationToken);
        // Every module page a student opens asks this, so it is kept until a Reviews change commits.
        var own = await cache.GetOrReadAsync(
            DataCacheKey.For<ReviewsDbContext>($"reviews:own:{userId:N}:{moduleId:N}"), ct => OwnReviewAsync(userId, moduleId, ct), cancellationToken);
        return new(module, first, last, eligibility.CanReview && !closed, closed, own?.Id, own?.Input);
    }

    private async Task<OwnReview?> OwnReviewAsync(Guid userId, Guid moduleId, CancellationToken cancellationToken)
    {
        var own = await db.Reviews.AsNoTracking().Include(r => r.Tags).ThenInclude(t => t.Tag)
            .FirstOrDefaultAsync(r => r.ModuleId == moduleId && r.AuthorId == userId, cancellationToken);
        return own is null
            ? null
            : new OwnReview(own.Id, new ReviewInput(own.Overall, own.Difficulty, own.Assessment, own.Teaching, own.Text, own.AcademicYear,
                own.Tags.Select(t => t.Tag!.Name).Order(StringComparer.CurrentCultureIgnoreCase).ToList()));
    }

    private sealed record OwnReview(Guid Id, ReviewInput Input);

    public async Task<Guid> CreateAsync(Guid moduleId, ReviewInput input, CancellationToken cancellationToken = default)
    {
        var userId = access.RequireUserId();
        await gate.EnterAsync(cancellationToken);
        var module = await catalogue.GetModuleAsync(moduleId, cancellationToken) ?? throw new EntityNotFoundException("Module", moduleId);
        if (module.IsArchived || await db.ClosedModules.AnyAsync(c => c.ModuleId == moduleId, cancellationToken))
        {
            throw new BusinessException("Reviews:ModuleClosed", "This module has been archived and takes no new reviews.");
        }

        var eligibility = await accounts.GetReviewEligibilityAsync(userId, moduleId, cancellationToken);
        if (!eligibility.CanReview)
        {
            throw new BusinessException("Reviews:NotEligible", "You can review only the modules of the courses you are enrolled on.");
        }

        if (await db.Reviews.AnyAsync(r => r.ModuleId == moduleId && r.AuthorId == userId, cancellationToken))
        {
            throw AlreadyReviewed();
        }

        Validate(input, module);
        var now = clock.GetUtcNow();
        var review = new Review
        {
            ModuleId = moduleId,
            UniversityId = module.UniversityId,
            AuthorId = userId,
            AuthorSnapshot = Snapshot(eligibility),
            CreationTime = now,
            CreatorId = userId,
        };
        Apply(review, input);
        review.Tags = await ResolveTagsAsync(input, now, cancellationToken);
        db.Reviews.Add(review);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConstraintViolation(e))
        {
            // The unique index is the last word when two submissions race past the check above.
            throw AlreadyReviewed();
        }

        await stats.AddAsync(review, cancellationToken);
        await events.PublishAsync(new ReviewPublishedEvent(review.Id, moduleId, userId, review.Overall, now), cancellationToken);
        return review.Id;
    }

    public async Task UpdateAsync(Guid reviewId, ReviewInput input, CancellationToken cancellationToken = default)
    {
        var userId = access.RequireUserId();
        await gate.EnterAsync(cancellationToken);
        var review = await db.Reviews.Include(r => r.Tags).ThenInclude(t => t.Tag)
            .FirstOrDefaultAsync(r => r.Id == reviewId && r.AuthorId == userId, cancellationToken)
            ?? throw new EntityNotFoundException("Review", reviewId);
        var module = await catalogue.GetModuleAsync(review.ModuleId, cancellationToken) ?? throw new EntityNotFoundException("Module", review.ModuleId);
        Validate(input, module);

        var now = clock.GetUtcNow();
        var before = ModuleStatsWriter.RatingsOf(review);
        db.ReviewRevisions.Add(new ReviewRevision
        {
            ReviewId = review.Id,
            ReplacedAt = now,
            Overall = review.Overall,
            Difficulty = review.Difficulty,
            Assessment = review.Assessment,
            Teaching = review.Teaching,
            Text = review.Text,
            AcademicYear = review.AcademicYear,
            TagNames = string.Join(", ", review.Tags.Select(t => t.Tag!.Name)),
        });
        Apply(review, input);
        var tags = await ResolveTagsAsync(input, now, cancellationToken);
        review.Tags.RemoveAll(t => tags.All(n => n.TagId != t.TagId));
        review.Tags.AddRange(tags.Where(n => review.Tags.All(t => t.TagId != n.TagId)));
        review.LastModificationTime = now;
        review.LastModifierId = userId;
        await db.SaveChangesAsync(cancellationToken);
        if (!review.IsHidden)
        {
            await stats.ApplyAsync(before, -1, cancellationToken);
            await stats.AddAsync(review, cancellationToken);
        }
    }

    public async Task DeleteAsync(Guid reviewId, CancellationToken cancellationToken = default)
    {
        var userId = access.RequireUserId();
        await gate.EnterAsync(cancellationToken);
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId && r.AuthorId == userId, cancellationToken)
            ?? throw new EntityNotFoundException("Review", reviewId);
        await RemoveAsync(review, cancellationToken);
    }

    /// <summary>Deletes a review and takes it out of the statistics (authors, moderators, account deletion).</summary>
    internal async Task RemoveAsync(Review review, CancellationToken cancellationToken)
    {
        if (!review.IsHidden)
        {
            await stats.RemoveAsync(review, cancellationToken);
        }

        db.Reviews.Remove(review);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>From the academic year the module started to the current one.</summary>
    public (int First, int Last) YearRange(ModuleDto module)
    {
        var last = AcademicYear.Of(clock.GetUtcNow());
        return (Math.Min(AcademicYear.Of(module.StartedOn), last), last);
    }

    private void Validate(ReviewInput input, ModuleDto module)
    {
        var (first, last) = YearRange(module);
        var errors = ReviewInputValidator.Validate(input, first, last);
        if (errors.Count > 0)
        {
            var error = errors[0];
            throw new BusinessException(error.Code, error.Message, error.Arguments) { Field = error.Field };
        }
    }

    private static void Apply(Review review, ReviewInput input)
    {
        review.Overall = input.Overall!.Value;
        review.Difficulty = input.Difficulty;
        review.Assessment = input.Assessment;
        review.Teaching = input.Teaching;
        review.Text = (input.Text ?? "").Trim();
        review.AcademicYear = input.AcademicYear!.Value;
    }

    private async Task<List<ReviewTag>> ResolveTagsAsync(ReviewInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var names = input.TagNames.Select(Tag.Tidy).Where(n => n.Length > 0).DistinctBy(Tag.Normalize).ToDictionary(Tag.Normalize, n => n);
        var keys = names.Keys.ToList();
        var existing = await db.Tags.Where(t => keys.Contains(t.NormalizedName)).ToListAsync(cancellationToken);
        var result = existing.Select(t => new ReviewTag { TagId = t.Id, Tag = t }).ToList();
        foreach (var (normalized, name) in names.Where(n => existing.All(t => t.NormalizedName != n.Key)))
        {
            // A typed new tag waits for a moderator; until then only its own review shows it.
            var tag = new Tag { Id = Guid.CreateVersion7(now), Name = name, NormalizedName = normalized, Kind = input.NewTagKind, CreationTime = now };
            db.Tags.Add(tag);
            result.Add(new ReviewTag { TagId = tag.Id, Tag = tag });
        }

        return result;
    }

    /// <summary>"student type | university"; empty for an Admin, who has no student type and reads "From an administrator".</summary>
    private static string Snapshot(ReviewEligibility eligibility)
    {
        if (string.IsNullOrWhiteSpace(eligibility.StudentType))
        {
            return "";
        }

        var text = $"{eligibility.StudentType} | {eligibility.UniversityShortName}";
        return text.Length > ReviewLimits.SnapshotMax ? text[..ReviewLimits.SnapshotMax] : text;
    }

    private static BusinessException AlreadyReviewed() =>
        new("Reviews:AlreadyReviewed", "You have already reviewed this module. Edit your review instead.");
}
