using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RateMyModule.Notifications.Application;
using RateMyModule.Notifications.Mail;
using RateMyModule.Reviews;

namespace RateMyModule.Notifications.Tests;

public sealed class MailRulesTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private NotificationsOptions Options => fixture.Host.Services.GetRequiredService<IOptions<NotificationsOptions>>().Value;

    [Fact]
    public async Task A_busy_day_is_one_mail_to_each_follower_and_none_to_the_author()
    {
        var (first, second) = (fixture.Catalogue.AddModule("Busy Algorithms"), fixture.Catalogue.AddModule("Busy Databases"));
        var follower = fixture.Recipients.Add("busy-follower@example.test");
        var author = fixture.Recipients.Add("busy-author@example.test");
        await fixture.FollowAsync(follower, first.Id);
        await fixture.FollowAsync(follower, second.Id);
        await fixture.FollowAsync(author, first.Id);

        await fixture.PublishReviewAsync(first.Id, author);
        await fixture.PublishReviewAsync(first.Id, Guid.NewGuid());
        await fixture.PublishReviewAsync(second.Id, Guid.NewGuid());
        await fixture.PassAsync(Options.GatherDelay);

        var mail = fixture.Email.To("busy-follower@example.test").ShouldHaveSingleItem();
        mail.Subject.ShouldBe("New reviews of modules you follow (3)");
        mail.TextBody.ShouldContain($"Busy Algorithms ({first.Code}): 2 new");
        mail.TextBody.ShouldContain($"Busy Databases ({second.Code}): 1 new");
        mail.TextBody.ShouldContain($"/Modules/{first.Id}");
        // The author hears of the two reviews that are not theirs, never of their own.
        fixture.Email.To("busy-author@example.test").ShouldHaveSingleItem().Subject.ShouldBe("New reviews of modules you follow (1)");

        // More reviews later the same day wait for the next mail, a day after the last one.
        await fixture.PublishReviewAsync(first.Id, Guid.NewGuid());
        await fixture.PassAsync(TimeSpan.FromHours(3));
        fixture.Email.To("busy-follower@example.test").Count.ShouldBe(1);
        await fixture.PassAsync(Options.MinimumInterval);
        fixture.Email.To("busy-follower@example.test").Count.ShouldBe(2);
        fixture.Email.To("busy-follower@example.test")[1].Subject.ShouldBe("New reviews of modules you follow (1)");
    }

    [Fact]
    public async Task A_follower_is_written_to_in_their_own_language()
    {
        var module = fixture.Catalogue.AddModule("Cymraeg");
        var follower = fixture.Recipients.Add("welsh-follower@example.test", "cy");
        await fixture.FollowAsync(follower, module.Id);

        await fixture.PublishReviewAsync(module.Id, Guid.NewGuid());
        await fixture.PassAsync(Options.GatherDelay);

        var mail = fixture.Email.To("welsh-follower@example.test").ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Adolygiadau newydd o fodiwlau rydych chi'n eu dilyn (1)");
        mail.TextBody.ShouldContain($"Cymraeg ({module.Code}): 1 newydd");
    }

    [Fact]
    public async Task A_weekly_follower_gets_one_digest_on_the_digest_day_and_an_off_follower_no_mail()
    {
        var module = fixture.Catalogue.AddModule("Weekly Studies");
        var weekly = fixture.Recipients.Add("weekly@example.test");
        var off = fixture.Recipients.Add("off@example.test");
        await fixture.FollowAsync(weekly, module.Id, FollowDelivery.WeeklyDigest);
        await fixture.FollowAsync(off, module.Id, FollowDelivery.Off);

        await fixture.PublishReviewAsync(module.Id, Guid.NewGuid());
        await fixture.PublishReviewAsync(module.Id, Guid.NewGuid());
        var scheduler = fixture.Host.Services.CreateScope().ServiceProvider.GetRequiredService<MailScheduler>();
        var due = scheduler.DueTime(FollowDelivery.WeeklyDigest, fixture.Host.Clock.GetUtcNow(), null);
        due.DayOfWeek.ShouldBe(Options.DigestDay);
        due.Hour.ShouldBe(Options.DigestHourUtc);

        await fixture.PassAsync(due - fixture.Host.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        fixture.Email.To("weekly@example.test").ShouldBeEmpty();
        await fixture.PassAsync(TimeSpan.FromMinutes(1));
        fixture.Email.To("weekly@example.test").ShouldHaveSingleItem().Subject.ShouldBe("Your weekly digest: 2 new reviews");
        fixture.Email.To("off@example.test").ShouldBeEmpty();
        (await fixture.AsAsync(off, sp => sp.GetRequiredService<NotificationInbox>().CountUnreadAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task Every_follower_mail_has_one_click_unsubscribe_headers_whose_link_works_without_signing_in()
    {
        var module = fixture.Catalogue.AddModule("Unsubscribable");
        var follower = fixture.Recipients.Add("leaving@example.test");
        await fixture.FollowAsync(follower, module.Id);
        await fixture.PublishReviewAsync(module.Id, Guid.NewGuid());
        await fixture.PassAsync(Options.GatherDelay);

        var mail = fixture.Email.To("leaving@example.test").ShouldHaveSingleItem();
        mail.Headers.ShouldNotBeNull();
        mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        var link = mail.Headers["List-Unsubscribe"].Trim('<', '>');
        link.ShouldStartWith("http://localhost:5000/Notifications/Unsubscribe?token=");
        mail.TextBody.ShouldContain(link);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

        var done = await fixture.AsAsync(null, sp => sp.GetRequiredService<Unsubscriber>().UnsubscribeAsync(token));
        done.ShouldNotBeNull().Scope.ShouldBe(UnsubscribeScope.AllFollows);
        (await fixture.AsAsync(follower, sp => sp.GetRequiredService<FollowService>().GetFollowsAsync())).Single().Delivery.ShouldBe(FollowDelivery.Off);

        await fixture.PublishReviewAsync(module.Id, Guid.NewGuid());
        await fixture.PassAsync(Options.MinimumInterval);
        fixture.Email.To("leaving@example.test").Count.ShouldBe(1);
        (await fixture.AsAsync(follower, sp => sp.GetRequiredService<NotificationInbox>().CountUnreadAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task An_unsubscribe_token_is_refused_when_tampered_with_or_expired_and_one_module_link_stops_only_that_module()
    {
        var (kept, dropped) = (fixture.Catalogue.AddModule("Kept Module"), fixture.Catalogue.AddModule("Dropped Module"));
        var user = Guid.NewGuid();
        await fixture.FollowAsync(user, kept.Id);
        await fixture.FollowAsync(user, dropped.Id);
        var tokens = fixture.Host.Services.CreateScope().ServiceProvider.GetRequiredService<UnsubscribeTokens>();
        var token = tokens.Create(new UnsubscribeRequest(user, UnsubscribeScope.Module, dropped.Id));

        tokens.Read(token[..^2] + (token[^2] == 'A' ? "BB" : "AA")).ShouldBeNull();
        tokens.Read("not a token").ShouldBeNull();
        (await fixture.AsAsync(null, sp => sp.GetRequiredService<Unsubscriber>().UnsubscribeAsync(token))).ShouldNotBeNull();
        var follows = await fixture.AsAsync(user, sp => sp.GetRequiredService<FollowService>().GetFollowsAsync());
        follows.Single(f => f.ModuleId == dropped.Id).Delivery.ShouldBe(FollowDelivery.Off);
        follows.Single(f => f.ModuleId == kept.Id).Delivery.ShouldBe(FollowDelivery.Immediate);

        var old = tokens.Create(new UnsubscribeRequest(user, UnsubscribeScope.AllFollows));
        fixture.Host.Clock.Advance(Options.UnsubscribeLinkLifetime + TimeSpan.FromMinutes(1));
        (await fixture.AsAsync(null, sp => sp.GetRequiredService<Unsubscriber>().UnsubscribeAsync(old))).ShouldBeNull();
        (await fixture.AsAsync(user, sp => sp.GetRequiredService<FollowService>().GetFollowsAsync())).Single(f => f.ModuleId == kept.Id).Delivery.ShouldBe(FollowDelivery.Immediate);
    }

    [Fact]
    public async Task An_author_is_told_what_a_moderator_did_and_why_in_their_language_and_can_turn_it_off()
    {
        var module = fixture.Catalogue.AddModule("Moderated Module");
        var author = fixture.Recipients.Add("author@example.test", "cy");

        await fixture.PublishModerationAsync(module.Id, author, ReviewModerationOutcome.Hidden, ReportReason.Spam);
        await fixture.PassAsync(TimeSpan.Zero);

        var mail = fixture.Email.To("author@example.test").ShouldHaveSingleItem();
        mail.Subject.ShouldBe($"Cafodd eich adolygiad o Moderated Module ({module.Code}) ei guddio");
        mail.TextBody.ShouldContain("Y rheswm a roddwyd yn yr adroddiadau: Sbam.");
        mail.Headers!["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        var seen = (await fixture.AsAsync(author, sp => sp.GetRequiredService<NotificationInbox>().GetLatestAsync())).ShouldHaveSingleItem();
        seen.Outcome.ShouldBe(ReviewModerationOutcome.Hidden);
        seen.Reason.ShouldBe(ReportReason.Spam);

        await fixture.AsAsync(author, sp => sp.GetRequiredService<FollowService>().SetModerationEmailsAsync(false));
        await fixture.PublishModerationAsync(module.Id, author, ReviewModerationOutcome.Restored, null);
        await fixture.PassAsync(TimeSpan.Zero);
        fixture.Email.To("author@example.test").Count.ShouldBe(1);
        (await fixture.AsAsync(author, sp => sp.GetRequiredService<NotificationInbox>().GetLatestAsync())).Count.ShouldBe(2);
    }
}
