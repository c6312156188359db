using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Data;
using RateMyModule.Notifications.Application;
using RateMyModule.Notifications.Data;

namespace RateMyModule.Notifications.Tests;

public sealed class FollowRulesTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    [Fact]
    public async Task Following_twice_keeps_one_follow_and_unfollowing_twice_is_no_error()
    {
        var user = Guid.NewGuid();
        var module = fixture.Catalogue.AddModule("Idempotent Systems");

        await fixture.AsAsync(user, sp => sp.GetRequiredService<FollowService>().FollowAsync(module.Id));
        await fixture.AsAsync(user, sp => sp.GetRequiredService<FollowService>().FollowAsync(module.Id));
        var follows = await fixture.AsAsync(user, sp => sp.GetRequiredService<FollowService>().GetFollowsAsync());
        follows.ShouldHaveSingleItem().ModuleName.ShouldBe("Idempotent Systems");
        follows[0].Delivery.ShouldBe(FollowDelivery.Immediate);

        await fixture.AsAsync(user, sp => sp.GetRequiredService<FollowService>().UnfollowAsync(module.Id));
        await fixture.AsAsync(user, sp => sp.GetRequiredService<FollowService>().UnfollowAsync(module.Id));
        (await fixture.AsAsync(user, sp => sp.GetRequiredService<FollowService>().GetFollowsAsync())).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_module_is_not_found_and_an_archived_one_is_refused_with_a_reason()
    {
        var user = Guid.NewGuid();
        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.AsAsync(user, sp => sp.GetRequiredService<FollowService>().FollowAsync(Guid.NewGuid())));
        var archived = fixture.Catalogue.AddModule("Closed Studies", archived: true);
        var error = await Should.ThrowAsync<BusinessException>(() => fixture.AsAsync(user, sp => sp.GetRequiredService<FollowService>().FollowAsync(archived.Id)));
        error.Code.ShouldBe("Notifications:ModuleArchived");
        (await fixture.AsAsync(user, sp => sp.GetRequiredService<FollowService>().GetFollowsAsync())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Nobody_signed_in_cannot_follow()
    {
        var module = fixture.Catalogue.AddModule("Anonymous Studies");
        await Should.ThrowAsync<NotSignedInException>(() => fixture.AsAsync(null, sp => sp.GetRequiredService<FollowService>().FollowAsync(module.Id)));
    }

    [Fact]
    public async Task A_delivery_that_is_not_one_of_the_choices_is_refused_on_its_field()
    {
        var user = Guid.NewGuid();
        var module = fixture.Catalogue.AddModule("Choice Theory");
        await fixture.FollowAsync(user, module.Id);
        var error = await Should.ThrowAsync<BusinessException>(() => fixture.AsAsync(user, sp => sp.GetRequiredService<FollowService>().SetDeliveryAsync(module.Id, (FollowDelivery)42)));
        error.Code.ShouldBe("Notifications:UnknownDelivery");
        (await fixture.AsAsync(user, sp => sp.GetRequiredService<FollowService>().GetFollowsAsync())).Single().Delivery.ShouldBe(FollowDelivery.Immediate);
    }

    [Fact]
    public async Task A_new_review_notifies_every_follower_but_its_author_and_the_list_counts_unread()
    {
        var module = fixture.Catalogue.AddModule("Crowded Module");
        var (author, reader, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.FollowAsync(author, module.Id);
        await fixture.FollowAsync(reader, module.Id, FollowDelivery.Off);

        await fixture.PublishReviewAsync(module.Id, author, overall: 5);

        (await fixture.AsAsync(author, sp => sp.GetRequiredService<NotificationInbox>().GetLatestAsync())).ShouldBeEmpty();
        (await fixture.AsAsync(other, sp => sp.GetRequiredService<NotificationInbox>().GetLatestAsync())).ShouldBeEmpty();
        var seen = (await fixture.AsAsync(reader, sp => sp.GetRequiredService<NotificationInbox>().GetLatestAsync())).ShouldHaveSingleItem();
        seen.Kind.ShouldBe(NotificationKind.NewReview);
        seen.ModuleName.ShouldBe("Crowded Module");
        seen.Overall.ShouldBe(5);
        (await fixture.AsAsync(reader, sp => sp.GetRequiredService<NotificationInbox>().CountUnreadAsync())).ShouldBe(1);

        await fixture.AsAsync(reader, sp => sp.GetRequiredService<NotificationInbox>().MarkAllReadAsync());
        (await fixture.AsAsync(reader, sp => sp.GetRequiredService<NotificationInbox>().CountUnreadAsync())).ShouldBe(0);
        (await fixture.AsAsync(reader, sp => sp.GetRequiredService<NotificationInbox>().GetLatestAsync())).Single().IsRead.ShouldBeTrue();
    }

    [Fact]
    public async Task Account_deletion_removes_the_users_follows_and_notifications_and_the_export_lists_them_before()
    {
        var module = fixture.Catalogue.AddModule("Leaving Studies");
        var user = Guid.NewGuid();
        await fixture.FollowAsync(user, module.Id, FollowDelivery.WeeklyDigest);
        await fixture.PublishReviewAsync(module.Id, Guid.NewGuid());

        var export = await fixture.AsAsync(user, sp => sp.GetServices<RateMyModule.Accounts.IPersonalDataContributor>()
            .Single(c => c.SectionName == "notifications").ExportAsync(user, CancellationToken.None));
        var json = System.Text.Json.JsonSerializer.Serialize(export);
        json.ShouldContain(module.Id.ToString());
        json.ShouldContain("WeeklyDigest");
        json.ShouldContain("NewReview");

        await fixture.AsAsync(user, sp => sp.GetRequiredService<RateMyModule.Framework.Events.ILocalEventBus>()
            .PublishAsync(new RateMyModule.Accounts.AccountDeletedEvent(user)));

        await fixture.AsAsync(null, async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            (await db.Follows.CountAsync(f => f.UserId == user)).ShouldBe(0);
            (await db.Notifications.CountAsync(n => n.UserId == user)).ShouldBe(0);
            (await db.MailSchedules.CountAsync(s => s.UserId == user)).ShouldBe(0);
            (await db.Follows.CountAsync(f => f.ModuleId == module.Id)).ShouldBe(0);
        });
    }

    [Fact]
    public async Task A_review_whose_transaction_rolls_back_leaves_no_notification_and_no_mail_job()
    {
        var module = fixture.Catalogue.AddModule("Rolled Back Studies");
        var follower = Guid.NewGuid();
        await fixture.FollowAsync(follower, module.Id);

        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            var uow = scope.ServiceProvider.GetRequiredService<RateMyModule.Framework.Uow.UnitOfWork>();
            uow.Begin(expectWrites: true);
            await scope.ServiceProvider.GetRequiredService<RateMyModule.Framework.Events.ILocalEventBus>()
                .PublishAsync(new RateMyModule.Reviews.ReviewPublishedEvent(Guid.NewGuid(), module.Id, Guid.NewGuid(), 3, fixture.Host.Clock.GetUtcNow()));
            await uow.RollbackAsync();
        }

        (await fixture.AsAsync(follower, sp => sp.GetRequiredService<NotificationInbox>().CountUnreadAsync())).ShouldBe(0);
        await fixture.AsAsync(null, async sp => (await sp.GetRequiredService<NotificationsDbContext>().MailSchedules.CountAsync(s => s.UserId == follower)).ShouldBe(0));
    }
}
