using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RateMyModule.Framework.Data.Providers;

/// <summary>
/// On PostgreSQL, turns <c>EF.Functions.Like</c> into <c>ILIKE</c>: SQLite's LIKE ignores case, and every search box
/// in the modules was written (and tested) for that, so the same query finds the same rows on either database.
/// <c>ILIKE</c> is also what a pg_trgm GIN index answers.
/// </summary>
public sealed class CaseInsensitiveLikeInterceptor : ExpressionVisitor, IQueryExpressionInterceptor
{
    public static readonly CaseInsensitiveLikeInterceptor Instance = new();

    private static readonly MethodInfo Like2 = Find(typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like), 3);
    private static readonly MethodInfo Like3 = Find(typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like), 4);
    private static readonly MethodInfo ILike2 = Find(typeof(NpgsqlDbFunctionsExtensions), nameof(NpgsqlDbFunctionsExtensions.ILike), 3);
    private static readonly MethodInfo ILike3 = Find(typeof(NpgsqlDbFunctionsExtensions), nameof(NpgsqlDbFunctionsExtensions.ILike), 4);

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) => Visit(queryExpression);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = (MethodCallExpression)base.VisitMethodCall(node);
        if (visited.Method == Like2)
        {
            return Expression.Call(ILike2, visited.Arguments);
        }

        return visited.Method == Like3 ? Expression.Call(ILike3, visited.Arguments) : visited;
    }

    private static MethodInfo Find(Type type, string name, int parameters)
        => type.GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters
            && m.GetParameters().Skip(1).All(p => p.ParameterType == typeof(string)));
}
