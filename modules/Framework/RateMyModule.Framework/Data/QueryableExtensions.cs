using Microsoft.EntityFrameworkCore;

namespace RateMyModule.Framework.Data;

public static class QueryableExtensions
{
    /// <summary>The explicit way to see soft-deleted rows: drops the soft-delete query filter for this query.</summary>
    public static IQueryable<T> IncludeDeleted<T>(this IQueryable<T> query)
        where T : class, ISoftDelete
        => query.IgnoreQueryFilters([ModuleDbContext.SoftDeleteFilter]);
}
