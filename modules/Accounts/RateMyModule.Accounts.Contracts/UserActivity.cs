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
