using Microsoft.EntityFrameworkCore;
using RateMyModule.Notifications.Data;
using RateMyModule.Notifications.Domain;
using RateMyModule.Notifications.Mail;

namespace RateMyModule.Notifications.Application;

/// <summary>
/// What an unsubscribe link does, signed in or not: the token alone says who and which mails. Follows stay (the
/// in-site list goes on); only their mail stops. Doing it twice changes nothing.
/// </summary>
public sealed class Unsubscriber(NotificationsDbContext db, UnsubscribeTokens tokens)
{
    /// <returns>What was unsubscribed from, or null for an invalid or expired token.</returns>
    public async Task<UnsubscribeRequest?> UnsubscribeAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (tokens.Read(token) is not { } request)
        {
            return null;
        }

        switch (request.Scope)
        {
            case UnsubscribeScope.Module:
                await db.Follows.Where(f => f.UserId == request.UserId && f.ModuleId == request.ModuleId)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Delivery, FollowDelivery.Off), cancellationToken);
                break;
            case UnsubscribeScope.AllFollows:
                await db.Follows.Where(f => f.UserId == request.UserId)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Delivery, FollowDelivery.Off), cancellationToken);
                break;
            case UnsubscribeScope.Moderation:
                var settings = await db.Settings.FindAsync([request.UserId], cancellationToken);
                if (settings is null)
                {
                    db.Settings.Add(new NotificationSettings { UserId = request.UserId, ModerationEmails = false });
                }
                else
                {
                    settings.ModerationEmails = false;
                }

                await db.SaveChangesAsync(cancellationToken);
                break;
        }

        return request;
    }

    /// <summary>Whether a token is valid now, for the confirmation page a GET shows before the POST that acts.</summary>
    public UnsubscribeRequest? Read(string? token) => tokens.Read(token);
}
