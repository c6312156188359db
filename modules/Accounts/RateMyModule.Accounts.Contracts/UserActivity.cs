namespace RateMyModule.Accounts;

/// <summary>How many of one kind of thing a user made; <paramref name="LabelKey"/> is a text of the contributor's <see cref="IUserActivityContributor.LocalizationResource"/>.</summary>
public sealed record UserActivityCount(string LabelKey, int Count);

/// <summary>A module's part of an administrator's view of a user: counts of what the user made in that module.</summary>
public interface IUserActivityContributor
{
    /// <summary>The marker type of the localization resource holding the label keys.</summary>
    Type LocalizationResource { get; }

    Task<IReadOnlyList<UserActivityCount>> CountAsync(Guid userId, CancellationToken cancellationToken = default);
}

/// <summary>
/// A module's column in the administrators' user list (/Admin/Users): one count per listed user, read for the whole
/// page at once, so a page costs each module one query however many users it lists.
/// </summary>
public interface IUserListCountContributor
{
    /// <summary>The marker type of the localization resource holding <see cref="LabelKey"/>.</summary>
    Type LocalizationResource { get; }

    /// <summary>The column's heading, a text of <see cref="LocalizationResource"/>.</summary>
    string LabelKey { get; }

    /// <summary>The counts of the given users; a user with nothing counted may be left out (read as 0).</summary>
    Task<IReadOnlyDictionary<Guid, int>> CountAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);
}
