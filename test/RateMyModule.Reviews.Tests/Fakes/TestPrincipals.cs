using System.Security.Claims;
using RateMyModule.Accounts;

namespace RateMyModule.Reviews.Tests.Fakes;

/// <summary>Signed-in principals shaped like the Accounts module's cookie: id, roles and university claim.</summary>
public static class TestPrincipals
{
    public static ClaimsPrincipal Student(Guid id, Guid? universityId = null) => Create(id, [AccountRoles.Student], universityId ?? TestCatalogue.UniversityA);

    public static ClaimsPrincipal Moderator(Guid id, Guid universityId) => Create(id, [AccountRoles.Moderator], universityId);

    public static ClaimsPrincipal Admin(Guid id) => Create(id, [AccountRoles.Admin], null);

    public static ClaimsPrincipal Create(Guid id, IReadOnlyList<string> roles, Guid? universityId)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id.ToString()), new(ClaimTypes.Name, $"{id:N}@example.test") };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (universityId is { } university)
        {
            claims.Add(new Claim(AccountClaimTypes.UniversityId, university.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }
}
