namespace RateMyModule.Accounts;

public sealed record UserSummaryDto(Guid Id, string Email, Guid? UniversityId, IReadOnlyList<string> Roles);

/// <summary>Whether a user may review a module, and how the review will describe them ("From a computer scientist | UoB").</summary>
public sealed record ReviewEligibility(bool CanReview, string? StudentType, string? UniversityShortName)
{
    public static ReviewEligibility No { get; } = new(false, null, null);
}

/// <param name="Email">The confirmed address.</param>
/// <param name="Culture">The language the user last chose or signed in with ("en", "cy"); null when never recorded.</param>
public sealed record EmailRecipient(string Email, string? Culture);

/// <summary>What other modules may ask the Accounts module.</summary>
public interface IAccountLookup
{
    Task<IReadOnlyList<UserSummaryDto>> GetUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);

    /// <summary>Number of students enrolled on each of the given courses (courses without students are absent or 0).</summary>
    Task<IReadOnlyDictionary<Guid, int>> CountStudentsByCourseAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Guid>> GetEnrolledCourseIdsAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>A user may review the modules of the courses they are enrolled on (an Admin may review any).</summary>
    Task<ReviewEligibility> GetReviewEligibilityAsync(Guid userId, Guid moduleId, CancellationToken cancellationToken = default);

    /// <summary>The moderators of a university (and the Admins) to notify, each with the language they use the site in.</summary>
    Task<IReadOnlyList<EmailRecipient>> GetModeratorsToNotifyAsync(Guid universityId, CancellationToken cancellationToken = default);
}

/// <summary>Published, inside the deleting transaction, before the user row goes: remove what the user made.</summary>
public sealed record AccountDeletedEvent(Guid UserId);

/// <summary>A module's part of "download my data": a named section of the user's JSON export.</summary>
public interface IPersonalDataContributor
{
    string SectionName { get; }

    Task<object> ExportAsync(Guid userId, CancellationToken cancellationToken);
}

/// <param name="Headers">Extra header fields, e.g. RFC 8058's <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c>.</param>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>Where to write to users other modules know only by id, and in which language.</summary>
public interface IEmailRecipientLookup
{
    /// <summary>The users among <paramref name="userIds"/> with a confirmed address; others are absent.</summary>
    Task<IReadOnlyDictionary<Guid, EmailRecipient>> GetEmailRecipientsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);
}

/// <summary>Sends mail durably: the message is queued as a background job in the caller's transaction and retried.</summary>
public interface IEmailQueue
{
    Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>The sign-up's lists of domains that say nothing about a university, for other modules to refuse them too.</summary>
public interface IEmailDomainRules
{
    /// <summary>A free or disposable mail provider (gmail.com, mailinator.com, …) or a subdomain of one.</summary>
    bool IsFreeOrDisposable(string domain);

    /// <summary>A reserved example or test domain (example.ac.uk, *.test, …).</summary>
    bool IsExampleOrReserved(string domain);
}
