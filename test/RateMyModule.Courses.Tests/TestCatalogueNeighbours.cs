using System.Collections.Concurrent;
using RateMyModule.Accounts;
using RateMyModule.Reviews;

namespace RateMyModule.Courses.Tests;

/// <summary>
/// Test-only stand-in for the Accounts module: students per course are whatever a test sets, and every call is
/// counted so a test can prove a page asks once, not once per row.
/// </summary>
public sealed class TestAccountLookup : IAccountLookup
{
    public ConcurrentDictionary<Guid, int> Students { get; } = new();

    public int CountCalls => _countCalls;

    private int _countCalls;

    public Task<IReadOnlyDictionary<Guid, int>> CountStudentsByCourseAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _countCalls);
        IReadOnlyDictionary<Guid, int> counts = courseIds.Distinct().ToDictionary(id => id, id => Students.GetValueOrDefault(id));
        return Task.FromResult(counts);
    }

    public Task<IReadOnlyList<UserSummaryDto>> GetUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<UserSummaryDto>>([]);

    public Task<IReadOnlyList<Guid>> GetEnrolledCourseIdsAsync(Guid userId, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<Guid>>([]);

    public Task<ReviewEligibility> GetReviewEligibilityAsync(Guid userId, Guid moduleId, CancellationToken cancellationToken = default)
        => Task.FromResult(ReviewEligibility.No);

    public Task<IReadOnlyList<EmailRecipient>> GetModeratorsToNotifyAsync(Guid universityId, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<EmailRecipient>>([]);
}

/// <summary>Test-only stand-in for the Reviews module's statistics, with a call counter.</summary>
public sealed class TestReviewStatistics : IReviewStatistics
{
    public ConcurrentDictionary<Guid, ModuleReviewSummary> Summaries { get; } = new();

    public int Calls => _calls;

    private int _calls;

    public Task<IReadOnlyDictionary<Guid, ModuleReviewSummary>> GetModuleSummariesAsync(
        IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        IReadOnlyDictionary<Guid, ModuleReviewSummary> result = moduleIds.Distinct()
            .ToDictionary(id => id, id => Summaries.GetValueOrDefault(id) ?? new ModuleReviewSummary(id, 0, null));
        return Task.FromResult(result);
    }
}

/// <summary>The sign-up's domain lists as the Accounts module answers them, for a few well-known names.</summary>
public sealed class TestEmailDomainRules : IEmailDomainRules
{
    private static readonly string[] Free = ["gmail.com", "mailinator.com"];

    public bool IsFreeOrDisposable(string domain) => Free.Any(f => domain == f || domain.EndsWith("." + f, StringComparison.Ordinal));

    public bool IsExampleOrReserved(string domain) => domain.StartsWith("example.", StringComparison.Ordinal) || domain.EndsWith(".test", StringComparison.Ordinal);
}
