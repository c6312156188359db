using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Application;

public static class ConcurrencyStamps
{
    /// <summary>
    /// Makes the save check against the stamp the user's form was built from, not the one just read, so a change
    /// saved by someone else in between is refused as a conflict instead of silently overwritten.
    /// </summary>
    public static void Expect<T>(DbContext db, T entity, string? concurrencyStamp)
        where T : class, IHasConcurrencyStamp
    {
        if (!string.IsNullOrEmpty(concurrencyStamp))
        {
            db.Entry(entity).Property(e => e.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        }
    }
}
