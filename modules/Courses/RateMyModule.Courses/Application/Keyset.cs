using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Application;

/// <summary>One page of a list and the cursor of the next one (null on the last page).</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>What a list asks for: sort column, direction, where the previous page ended, page size.</summary>
public sealed record PageRequest(string? Sort = null, bool Descending = false, string? After = null, int PageSize = 25)
{
    public const int MaxPageSize = 100;

    public int Size => Math.Clamp(PageSize, 1, MaxPageSize);
}

/// <summary>
/// A sortable column for keyset paging: orders by (column, Id) and continues after the last row's pair, so a
/// page costs an index seek however deep the user pages (OFFSET would read and discard every earlier row).
/// </summary>
public abstract class SortColumn<T>
    where T : Entity
{
    public abstract IQueryable<T> Apply(IQueryable<T> query, bool descending, string? cursor);

    public abstract string CursorOf(T item);
}

public sealed class SortColumn<T, TKey>(Expression<Func<T, TKey>> key, Func<TKey, string> format, Func<string, TKey> parse)
    : SortColumn<T>
    where T : Entity
{
    private const char Separator = '\u001f';
    private readonly Func<T, TKey> _read = key.Compile();

    public override IQueryable<T> Apply(IQueryable<T> query, bool descending, string? cursor)
    {
        if (Decode(cursor) is { } after)
        {
            query = query.Where(After(after.Value, after.Id, descending));
        }

        return descending
            ? query.OrderByDescending(key).ThenByDescending(e => e.Id)
            : query.OrderBy(key).ThenBy(e => e.Id);
    }

    public override string CursorOf(T item)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(format(_read(item)) + Separator + item.Id.ToString("D", CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private (TKey Value, Guid Id)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var split = text.LastIndexOf(Separator);
            return split < 0 ? null : (parse(text[..split]), Guid.Parse(text[(split + 1)..]));
        }
        catch (FormatException)
        {
            // A tampered or stale cursor starts the list from the beginning rather than failing the page.
            return null;
        }
    }

    /// <summary>(key, Id) strictly after (value, id) in the sort order, as CompareTo calls EF turns into SQL comparisons.</summary>
    private Expression<Func<T, bool>> After(TKey value, Guid id, bool descending)
    {
        var entity = key.Parameters[0];
        var column = key.Body;
        var idColumn = Expression.Property(entity, nameof(Entity.Id));
        var zero = Expression.Constant(0);
        var keyCompare = Expression.Call(column, typeof(TKey).GetMethod("CompareTo", [typeof(TKey)])!, Constant(value));
        var idCompare = Expression.Call(idColumn, typeof(Guid).GetMethod("CompareTo", [typeof(Guid)])!, Constant(id));
        Func<Expression, Expression, BinaryExpression> beyond = descending ? Expression.LessThan : Expression.GreaterThan;
        var body = Expression.OrElse(
            beyond(keyCompare, zero),
            Expression.AndAlso(Expression.Equal(keyCompare, zero), beyond(idCompare, zero)));
        return Expression.Lambda<Func<T, bool>>(body, entity);
    }

    // Captured as a closure member so EF sends a parameter, not a literal baked into a new cached query per value.
    private static MemberExpression Constant<TValue>(TValue value)
    {
        var holder = new ValueHolder<TValue>(value);
        return Expression.Property(Expression.Constant(holder), nameof(ValueHolder<TValue>.Value));
    }

    private sealed class ValueHolder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}

public static class SortColumns
{
    public static SortColumn<T, string> Text<T>(Expression<Func<T, string>> key)
        where T : Entity
        => new(key, v => v, v => v);

    public static SortColumn<T, DateOnly> Date<T>(Expression<Func<T, DateOnly>> key)
        where T : Entity
        => new(key, v => v.ToString("O", CultureInfo.InvariantCulture), v => DateOnly.ParseExact(v, "O", CultureInfo.InvariantCulture));

    /// <summary>Runs the page query (one row more than the page, to know whether another follows).</summary>
    public static KeysetPage<T> ToPage<T>(List<T> rows, int size, SortColumn<T> column)
        where T : Entity
    {
        var hasMore = rows.Count > size;
        var items = hasMore ? rows.Take(size).ToList() : rows;
        return new KeysetPage<T>(items, hasMore ? column.CursorOf(items[^1]) : null);
    }
}
