using System.Collections.Concurrent;
using RateMyModule.Accounts;

namespace RateMyModule.Reviews.Tests.Fakes;

/// <summary>Test-only accounts: everyone may review, except users a test blocks; moderators' mail addresses per university.</summary>
public sealed class TestAccounts(TestCatalogue catalogue) : IAccountLookup
{
    public ConcurrentDictionary<Guid, bool> Blocked { get; } = new();

    /// <summary>Users answered as the Accounts module answers an Admin: may review anything, with no student type.</summary>
    public ConcurrentDictionary<Guid, bool> Administrators { get; } = new();

    public Task<IReadOnlyList<UserSummaryDto>> GetUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<UserSummaryDto>>(userIds.Select(id => new UserSummaryDto(id, $"{id:N}@example.test", null, [AccountRoles.Student])).ToList());

    public Task<IReadOnlyDictionary<Guid, int>> CountStudentsByCourseAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, int>>(courseIds.ToDictionary(id => id, _ => 0));

    public Task<IReadOnlyList<Guid>> GetEnrolledCourseIdsAsync(Guid userId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Guid>>(catalogue.Courses.Select(c => c.Id).ToList());

    public async Task<ReviewEligibility> GetReviewEligibilityAsync(Guid userId, Guid moduleId, CancellationToken cancellationToken = default)
    {
        var module = await catalogue.GetModuleAsync(moduleId, cancellationToken);
        if (module is null || Blocked.ContainsKey(userId))
        {
            return ReviewEligibility.No;
        }

        var course = catalogue.Courses.First(c => module.CourseIds.Contains(c.Id));
        var university = catalogue.Universities.First(u => u.Id == module.UniversityId);
        return new ReviewEligibility(true, Administrators.ContainsKey(userId) ? null : course.StudentType, university.ShortName);
    }

    public Task<IReadOnlyList<EmailRecipient>> GetModeratorsToNotifyAsync(Guid universityId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EmailRecipient>>(
        [
            new($"moderator@{catalogue.Universities.First(u => u.Id == universityId).EmailDomain}", "cy"),
            new("admin@example.test", null),
        ]);
}

/// <summary>Test-only mail queue that keeps what was queued.</summary>
public sealed class TestEmailQueue : IEmailQueue
{
    public ConcurrentQueue<EmailMessage> Sent { get; } = new();

    public Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
