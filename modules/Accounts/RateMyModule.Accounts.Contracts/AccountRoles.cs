namespace RateMyModule.Accounts;

/// <summary>Role names. Admin may do everything; UniversityAdmin and Moderator act within one university.</summary>
public static class AccountRoles
{
    public const string Admin = "Admin";
    public const string UniversityAdmin = "UniversityAdmin";
    public const string Moderator = "Moderator";
    public const string Student = "Student";
}

/// <summary>Claims the Accounts module puts in the sign-in cookie, so other modules scope without a lookup.</summary>
public static class AccountClaimTypes
{
    /// <summary>The university a student, UniversityAdmin or Moderator belongs to (a GUID); absent for Admin.</summary>
    public const string UniversityId = "rmm:university_id";
}
