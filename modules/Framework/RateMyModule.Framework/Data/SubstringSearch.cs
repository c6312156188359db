using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Data.Providers;

namespace RateMyModule.Framework.Data;

/// <summary>
/// Case-insensitive "contains this phrase" over a text index relation with a text column of text: on
/// SQLite an FTS5 table with the trigram tokenizer (MATCH a quoted phrase); on PostgreSQL a table or view whose
/// column carries a pg_trgm GIN index (ILIKE '%phrase%'). Either index finds a phrase of three or more characters
/// without reading every row.
/// </summary>
public static class SubstringSearch
{
    /// <summary>Shorter phrases have no trigram to look up.</summary>
    public const int MinimumLength = 3;

    /// <param name="table">The index relation, one of the module's own names (never input).</param>
    /// <param name="column">Its text column.</param>
    public static IQueryable<TEntry> Matching<TEntry>(DbContext db, string table, string column, string phrase)
        where TEntry : class
    {
        // Identifiers cannot be parameters; both come from the module's constants. The phrase is always a parameter.
#pragma warning disable EF1003
        if (DatabaseEngines.Of(db).Kind == DatabaseProviderKind.Postgres)
        {
            var pattern = "%" + phrase.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            return db.Set<TEntry>().FromSqlRaw("SELECT * FROM \"" + table + "\" WHERE \"" + column + "\" ILIKE {0} ESCAPE '\\'", pattern);
        }

        // One FTS5 phrase: quoted, with its quotes doubled, so the words are matched as written and never parsed as
        // query syntax (AND, NEAR, *).
        var match = "\"" + phrase.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return db.Set<TEntry>().FromSqlRaw("SELECT * FROM " + table + " WHERE " + table + " MATCH {0}", match);
#pragma warning restore EF1003
    }
}
