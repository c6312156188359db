using System.Globalization;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Caching;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Application;

/// <summary>
/// Rankings from the per-module aggregate rows (<see cref="ModuleReviewStats"/>): one indexed read of the modules
/// asked about, sorted and cut to a page in SQL, whatever the number of reviews. Answers are kept in the
/// <see cref="DataCache"/> until a change to the Reviews tables commits; the key carries the set of modules, so a
/// catalogue change (another module in a course) asks afresh.
/// </summary>
public sealed class ModuleRankingQuery(IServiceProvider services, DataCache cache) : IModuleRankings
{
    public const int MaxTake = 200;

    private ReviewsDbContext? _db;

    // Resolved on first use: a request the cache answers opens no connection.
    private ReviewsDbContext db => _db ??= services.GetRequiredService<ReviewsDbContext>();

    public Task<ModuleRankingPage> RankAsync(
        IReadOnlyCollection<Guid> moduleIds, ModuleRanking ranking, string? after, int take, CancellationToken cancellationToken = default)
    {
        var ids = moduleIds.Distinct().Order().ToList();
        take = Math.Clamp(take, 1, MaxTake);
        if (ids.Count == 0 || !Enum.IsDefined(ranking))
        {
            return Task.FromResult(new ModuleRankingPage([], null));
        }

        var cursor = RankingCursor.Decode(after);
        var key = Key($"rank:{ranking}:{take}:{cursor?.Value.ToString("R", CultureInfo.InvariantCulture)}:{cursor?.ModuleId}:{SetHash(ids)}");
        return cache.GetOrReadAsync(key, async ct =>
        {
            var (qualifies, sortKey, descending) = Sort(ranking);
            var query = db.ModuleStats.AsNoTracking().Where(s => ids.Contains(s.ModuleId)).Where(qualifies);
            if (cursor is { } from)
            {
                query = query.Where(Beyond(sortKey, from.Value, from.ModuleId, descending));
            }

            query = descending
                ? query.OrderByDescending(sortKey).ThenBy(s => s.ModuleId)
                : query.OrderBy(sortKey).ThenBy(s => s.ModuleId);
            var rows = await query.Take(take + 1).ToListAsync(ct);
            var page = rows.Take(take).ToList();
            var next = rows.Count > take ? RankingCursor.Encode(sortKey.Compile()(page[^1]), page[^1].ModuleId) : null;
            return new ModuleRankingPage(page.Select(Figures).ToList(), next);
        }, cancellationToken);
    }

    public Task<IReadOnlyDictionary<Guid, ModuleFigures>> GetFiguresAsync(IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default)
    {
        var ids = moduleIds.Distinct().Order().ToList();
        if (ids.Count == 0)
        {
            return Task.FromResult<IReadOnlyDictionary<Guid, ModuleFigures>>(new Dictionary<Guid, ModuleFigures>());
        }

        return cache.GetOrReadAsync<IReadOnlyDictionary<Guid, ModuleFigures>>(Key($"figures:{SetHash(ids)}"), async ct =>
        {
            var found = (await db.ModuleStats.AsNoTracking().Where(s => ids.Contains(s.ModuleId)).ToListAsync(ct)).ToDictionary(s => s.ModuleId);
            return ids.ToDictionary(id => id, id => found.TryGetValue(id, out var row) ? Figures(row) : new ModuleFigures(id, 0, null, null, null, null));
        }, cancellationToken);
    }

    public Task<IReadOnlyList<RecentlyReviewedModule>> GetRecentlyReviewedAsync(
        Guid? universityId, IReadOnlyCollection<Guid>? moduleIds, int take, CancellationToken cancellationToken = default)
    {
        take = Math.Clamp(take, 1, 50);
        var allowed = moduleIds?.ToHashSet();
        var key = Key($"recent:{universityId}:{take}:{(allowed is null ? "*" : SetHash(allowed.Order().ToList()))}");
        return cache.GetOrReadAsync<IReadOnlyList<RecentlyReviewedModule>>(key, async ct =>
        {
            // Walks the (UniversityId, CreationTime, Id) or (CreationTime, Id) index from the newest end and stops
            // after a bounded window: a module reviewed often fills it with repeats, so the window is generous.
            var reviews = db.Reviews.AsNoTracking().Where(r => !r.IsHidden);
            if (universityId is { } university)
            {
                reviews = reviews.Where(r => r.UniversityId == university);
            }

            var latest = await reviews.OrderByDescending(r => r.CreationTime).ThenByDescending(r => r.Id)
                .Select(r => new { r.ModuleId, r.CreationTime })
                .Take(take * 20)
                .ToListAsync(ct);
            var newest = latest
                .Where(r => allowed is null || allowed.Contains(r.ModuleId))
                .DistinctBy(r => r.ModuleId)
                .Take(take)
                .ToList();
            var ids = newest.Select(r => r.ModuleId).ToList();
            var figures = (await db.ModuleStats.AsNoTracking().Where(s => ids.Contains(s.ModuleId)).ToListAsync(ct)).ToDictionary(s => s.ModuleId);
            return newest
                .Where(r => figures.ContainsKey(r.ModuleId))
                .Select(r => new RecentlyReviewedModule(Figures(figures[r.ModuleId]), r.CreationTime))
                .ToList();
        }, cancellationToken);
    }

    public async Task<IReadOnlySet<Guid>> GetReviewedModulesAsync(Guid userId, IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default)
    {
        var ids = moduleIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }

        // On the author index: a student has written a handful of reviews.
        var reviewed = await db.Reviews.AsNoTracking().Where(r => r.AuthorId == userId).Select(r => r.ModuleId).ToListAsync(cancellationToken);
        return reviewed.Where(ids.Contains).ToHashSet();
    }

    private static ModuleFigures Figures(ModuleReviewStats s) => new(
        s.ModuleId,
        s.ReviewCount,
        s.ReviewCount > 0 ? (double)s.OverallSum / s.ReviewCount : null,
        s.DifficultyCount > 0 ? (double)s.DifficultySum / s.DifficultyCount : null,
        s.AssessmentCount > 0 ? (double)s.AssessmentSum / s.AssessmentCount : null,
        s.TeachingCount > 0 ? (double)s.TeachingSum / s.TeachingCount : null,
        s.DifficultyCount,
        s.AssessmentCount,
        s.TeachingCount);

    /// <summary>Which rows can be ranked, the sort key (computed in SQL), and whether the best is the highest.</summary>
    private static (Expression<Func<ModuleReviewStats, bool>> Qualifies, Expression<Func<ModuleReviewStats, double>> Key, bool Descending) Sort(ModuleRanking ranking)
    {
        const int minimum = ReviewLimits.RankingMinimumRatings;
        return ranking switch
        {
            ModuleRanking.TopRated => (s => s.ReviewCount >= minimum, s => (double)s.OverallSum / s.ReviewCount, true),
            ModuleRanking.Hardest => (s => s.DifficultyCount >= minimum, s => (double)s.DifficultySum / s.DifficultyCount, true),
            ModuleRanking.Easiest => (s => s.DifficultyCount >= minimum, s => (double)s.DifficultySum / s.DifficultyCount, false),
            ModuleRanking.BestTeaching => (s => s.TeachingCount >= minimum, s => (double)s.TeachingSum / s.TeachingCount, true),
            _ => (s => s.ReviewCount > 0, s => (double)s.ReviewCount, true),
        };
    }

    /// <summary>(key, ModuleId) strictly after the cursor's pair in the ranking's order; ties go by module id.</summary>
    private static Expression<Func<ModuleReviewStats, bool>> Beyond(Expression<Func<ModuleReviewStats, double>> key, double value, Guid moduleId, bool descending)
    {
        var row = key.Parameters[0];
        var keyValue = Parameter(value);
        var idCompare = Expression.Call(
            Expression.Property(row, nameof(ModuleReviewStats.ModuleId)), typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, Parameter(moduleId));
        var beyond = descending ? Expression.LessThan(key.Body, keyValue) : Expression.GreaterThan(key.Body, keyValue);
        var tie = Expression.AndAlso(Expression.Equal(key.Body, keyValue), Expression.GreaterThan(idCompare, Expression.Constant(0)));
        return Expression.Lambda<Func<ModuleReviewStats, bool>>(Expression.OrElse(beyond, tie), row);
    }

    // A closure member, so EF sends a parameter instead of baking each cursor into a new cached query.
    private static MemberExpression Parameter<T>(T value)
        => Expression.Property(Expression.Constant(new Holder<T>(value)), nameof(Holder<T>.Value));

    private static DataCacheKey Key(string name) => DataCacheKey.For<ReviewsDbContext>("reviews:" + name);

    private static string SetHash(List<Guid> sortedIds)
    {
        var bytes = new byte[sortedIds.Count * 16];
        for (var i = 0; i < sortedIds.Count; i++)
        {
            sortedIds[i].TryWriteBytes(bytes.AsSpan(i * 16));
        }

        return Convert.ToHexString(SHA256.HashData(bytes))[..24];
    }

    private sealed class Holder<T>(T value)
    {
        public T Value { get; } = value;
    }
}

/// <summary>A ranking's keyset cursor: the last row's sort key and module id, URL-safe.</summary>
public static class RankingCursor
{
    public static string Encode(double value, Guid moduleId)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{value.ToString("R", CultureInfo.InvariantCulture)}|{moduleId:D}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Null for no cursor or one that was tampered with: the ranking then starts from the top.</summary>
    public static (double Value, Guid ModuleId)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 200)
        {
            return null;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|');
            return parts.Length == 2
                && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && double.IsFinite(value)
                && Guid.TryParse(parts[1], out var id)
                ? (value, id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
