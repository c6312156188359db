using System.Text.RegularExpressions;
using RateMyModule.Framework.Data;

namespace RateMyModule.Reviews.Domain;

/// <summary>
/// One user's review of one module. The author is kept only to enforce "one per user", to let them edit, and to
/// remove it with their account; what readers see of them is <see cref="AuthorSnapshot"/>, taken when written.
/// </summary>
public sealed class Review : AuditedAggregateRoot
{
    public Guid ModuleId { get; set; }

    /// <summary>The module's university, copied so moderation scoping needs no catalogue call per row.</summary>
    public Guid UniversityId { get; set; }

    public Guid AuthorId { get; set; }

    /// <summary>"student type | university short name" when the review was written.</summary>
    public string AuthorSnapshot { get; set; } = "";

    public int Overall { get; set; }

    public int? Difficulty { get; set; }

    public int? Assessment { get; set; }

    public int? Teaching { get; set; }

    public string Text { get; set; } = "";

    /// <summary>The academic year the author started the module: 2023 means 2023/24.</summary>
    public int AcademicYear { get; set; }

    public int HelpfulCount { get; set; }

    public int NotHelpfulCount { get; set; }

    /// <summary>Helpful minus not helpful; stored so "most helpful" sorts and pages on an index.</summary>
    public int Score { get; set; }

    /// <summary>Hidden reviews are seen only by moderators and are left out of the module's statistics.</summary>
    public bool IsHidden { get; set; }

    public List<ReviewTag> Tags { get; set; } = [];

    public List<ReviewRevision> Revisions { get; set; } = [];
}

/// <summary>What a review said before an edit: the author's history, kept for moderators.</summary>
public sealed class ReviewRevision : Entity
{
    public Guid ReviewId { get; set; }

    public DateTimeOffset ReplacedAt { get; set; }

    public int Overall { get; set; }

    public int? Difficulty { get; set; }

    public int? Assessment { get; set; }

    public int? Teaching { get; set; }

    public string Text { get; set; } = "";

    public int AcademicYear { get; set; }

    /// <summary>The tag names it carried, comma separated (tags can be renamed or merged later).</summary>
    public string TagNames { get; set; } = "";
}

public sealed class ReviewTag
{
    public Guid ReviewId { get; set; }

    public Guid TagId { get; set; }

    public Tag? Tag { get; set; }
}

/// <summary>A tool, topic or other label. One case-insensitive name space across the three kinds.</summary>
public sealed partial class Tag : AggregateRoot
{
    public string Name { get; set; } = "";

    /// <summary>Upper-invariant name with collapsed spaces: the unique key that makes "java" and "Java" one tag.</summary>
    public string NormalizedName { get; set; } = "";

    public TagKind Kind { get; set; }

    /// <summary>Unverified tags show only on the reviews that carry them; autocomplete and filters offer verified ones.</summary>
    public bool IsVerified { get; set; }

    public DateTimeOffset CreationTime { get; set; }

    public static string Normalize(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();

    public static string Tidy(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The original's character rule for a tidy name, so "C#", "C++" and ".NET" pass and markup or emoji do not.</summary>
    public static bool HasAllowedCharacters(string tidy) => NameCharacters().IsMatch(tidy);

    [GeneratedRegex(@"^[\p{L}\p{M}\p{Nd}!?¿¡' +&()#\-.]+$")]
    private static partial Regex NameCharacters();
}

public sealed class ReviewVote : Entity
{
    public Guid ReviewId { get; set; }

    public Guid UserId { get; set; }

    public VoteKind Kind { get; set; }

    public DateTimeOffset CreationTime { get; set; }
}

public sealed class ReviewReport : Entity
{
    public Guid ReviewId { get; set; }

    public Guid ReporterId { get; set; }

    public ReportReason Reason { get; set; }

    public DateTimeOffset CreationTime { get; set; }

    /// <summary>Set when a moderator dismissed, hid or deleted; an unsolved report counts towards hiding and suspicion.</summary>
    public DateTimeOffset? SolvedAt { get; set; }

    /// <summary>When moderators were told about it in a digest (null: not yet).</summary>
    public DateTimeOffset? NotifiedAt { get; set; }
}

public enum ModerationDecision
{
    Dismiss = 0,
    Hide = 1,
    Delete = 2,

    /// <summary>Shows a hidden review again (from the reviews list; on the queue, Dismiss does this).</summary>
    Unhide = 3,
}

/// <summary>The audit trail of moderation: who decided what about which review, and why.</summary>
public sealed class ModerationAction : Entity
{
    public Guid ReviewId { get; set; }

    public Guid ModuleId { get; set; }

    public Guid UniversityId { get; set; }

    public Guid ModeratorId { get; set; }

    public ModerationDecision Decision { get; set; }

    public string Note { get; set; } = "";

    /// <summary>How many open reports the decision solved: 0 for a decision taken on an unreported review.</summary>
    public int ReporterCount { get; set; }

    /// <summary>The distinct reasons of those reports as numbers ("1,3"), kept here because deleting a review deletes its reports.</summary>
    public string Reasons { get; set; } = "";

    public DateTimeOffset CreationTime { get; set; }
}

/// <summary>A module the catalogue archived: it keeps its reviews and takes no new ones.</summary>
public sealed class ClosedModule
{
    public Guid ModuleId { get; set; }

    public DateTimeOffset ClosedAt { get; set; }
}
