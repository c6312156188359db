using RateMyModule.Framework.Data;

namespace RateMyModule.Notifications.Domain;

/// <summary>A user follows a module: told of its new reviews in the site, and by e-mail as <see cref="Delivery"/> says.</summary>
public sealed class ModuleFollow : Entity
{
    public Guid UserId { get; set; }

    public Guid ModuleId { get; set; }

    public FollowDelivery Delivery { get; set; }

    public DateTimeOffset CreationTime { get; set; }
}
