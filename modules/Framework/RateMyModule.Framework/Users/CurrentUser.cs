using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace RateMyModule.Framework.Users;

/// <summary>Who is acting now: the signed-in user of the request, or whoever a background task runs as.</summary>
public interface ICurrentUser
{
    ClaimsPrincipal? Principal { get; }

    bool IsAuthenticated { get; }

    Guid? Id { get; }

    string? UserName { get; }

    bool IsInRole(string role);

    /// <summary>Acts as <paramref name="principal"/> until the returned handle is disposed (jobs, seeders, tests).</summary>
    IDisposable Change(ClaimsPrincipal? principal);
}

public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    private static readonly AsyncLocal<ClaimsPrincipal?> Override = new();

    public ClaimsPrincipal? Principal => Override.Value ?? httpContextAccessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? UserName => IsAuthenticated ? Principal?.Identity?.Name : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    public IDisposable Change(ClaimsPrincipal? principal)
    {
        var previous = Override.Value;
        Override.Value = principal;
        return new Restore(() => Override.Value = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
