namespace RateMyModule.Notifications;

public sealed record NotificationsItemDto(Guid Id, string Name, DateTimeOffset CreationTime);

public sealed record NotificationsItemInput(string? Name);
