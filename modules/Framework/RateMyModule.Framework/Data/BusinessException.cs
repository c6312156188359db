namespace RateMyModule.Framework.Data;

/// <summary>
/// A rule of the domain was broken. <see cref="Code"/> is a localization key (with <see cref="Arguments"/> as its
/// format arguments), so the web layer can show the message in the user's language and answer 4xx, not 500.
/// </summary>
public class BusinessException(string code, string message, params object[] arguments) : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyList<object> Arguments { get; } = arguments;

    /// <summary>The form field the problem belongs to, when there is one.</summary>
    public string? Field { get; init; }
}

/// <summary>Someone else saved the same record after it was read: the save was refused rather than lost.</summary>
public sealed class ConcurrencyConflictException(string entityName, Exception inner)
    : BusinessException(
        "Framework:ConcurrencyConflict",
        $"The {entityName} was changed by someone else after you opened it. Reload it and make your change again.",
        entityName)
{
    public Exception Conflict { get; } = inner;
}

/// <summary>The requested record does not exist, or the current user may not know that it does (both are 404).</summary>
public sealed class EntityNotFoundException(string entityName, object id)
    : BusinessException("Framework:EntityNotFound", $"There is no {entityName} with id {id}.", entityName, id);
