namespace RateMyModule.Accounts;

/// <summary>Permission names of the Accounts module (each is also an authorization policy).</summary>
public static class AccountsPermissions
{
    public const string GroupName = "Accounts";

    /// <summary>/Admin/Users: list, lock and unlock users and grant roles (scoped to their university unless Admin).</summary>
    public const string ManageUsers = "Accounts.Users.Manage";

    /// <summary>/Admin/Roles: choose which permissions each role has. Whoever holds it can give any role anything.</summary>
    public const string ManageRoles = "Accounts.Roles.Manage";
}
