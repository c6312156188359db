namespace RateMyModule.Framework.Uow;

/// <summary>
/// Marks an endpoint (a page model, a handler or a minimal API route) whose GET requests write: a link followed from
/// an email, a sign-in provider's callback. Its unit of work takes the write lock up front, as a POST's does;
/// otherwise a GET that read first could find its snapshot stale when it tries to write, and fail.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class ExpectWritesAttribute : Attribute;
