using Microsoft.AspNetCore.Identity;
using RateMyModule.Framework.Data;

namespace RateMyModule.Accounts.Users;

/// <summary>An Identity user whose user name is their email address, a student (or staff) of one university.</summary>
public sealed class AccountUser : IdentityUser<Guid>, ICreationAudited, IModificationAudited
{
    public const int EmailMaxLength = 256;

    public const int CultureMaxLength = 16;

    /// <summary>The university the email domain belongs to; null for an Admin, who belongs to none.</summary>
    public Guid? UniversityId { get; set; }

    /// <summary>
    /// The address reduced to what a reader sees (NFKC, lower case, confusables folded): two addresses with the same
    /// skeleton look alike, so only one of them may have an account.
    /// </summary>
    public string EmailSkeleton { get; set; } = "";

    /// <summary>
    /// The language the user last picked with the language switch or signed in with ("en", "cy"), so mail sent
    /// later by a background job, outside any request, is written in it.
    /// </summary>
    public string? PreferredCulture { get; set; }

    /// <summary>
    /// When a session of this user last began (a sign-in with a password or another provider, or the new session a
    /// password or e-mail change starts); null until the first. Shown to administrators in the users list.
    /// </summary>
    public DateTimeOffset? LastSignInTime { get; set; }

    public DateTimeOffset CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public DateTimeOffset? LastModificationTime { get; set; }

    public Guid? LastModifierId { get; set; }

    public List<Enrolment> Enrolments { get; } = [];
}

public sealed class AccountRole : IdentityRole<Guid>
{
    public AccountRole()
    {
    }

    public AccountRole(string name)
        : base(name)
    {
        Id = Guid.NewGuid();
    }
}

/// <summary>A student is on a course (of their university): the modules of that course are the ones they may review.</summary>
public sealed class Enrolment : IHasCreationTime
{
    public Guid UserId { get; set; }

    public Guid CourseId { get; set; }

    public DateTimeOffset CreationTime { get; set; }
}
