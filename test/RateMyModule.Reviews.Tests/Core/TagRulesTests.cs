using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Domain;
using RateMyModule.Reviews.Tests.Fakes;

namespace RateMyModule.Reviews.Tests.Core;

/// <summary>Tag moderation scope, who sees unverified tags, the tag-name characters and the public tag list.</summary>
public sealed class TagRulesTests(ReviewsCoreFixture app) : IClassFixture<ReviewsCoreFixture>
{
    private static readonly System.Security.Claims.ClaimsPrincipal ModeratorA = TestPrincipals.Moderator(Guid.NewGuid(), TestCatalogue.UniversityA);

    private static readonly string[] Letters = ["a", "b", "c"];

    private Task<Tag> TagAsync(string name) => app.DbAsync(db => db.Tags.SingleAsync(t => t.NormalizedName == Tag.Normalize(name)));

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task A_moderator_changes_only_tags_whose_every_review_is_of_their_university()
    {
        var ownName = Unique("Aber only");
        var sharedName = Unique("Shared");
        var moduleA = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var moduleB = app.Catalogue.AddModule(TestCatalogue.UniversityB);
        await app.WriteReviewAsync(Guid.NewGuid(), moduleA.Id, tags: [ownName, sharedName]);
        await app.AsAsync(TestPrincipals.Student(Guid.NewGuid(), TestCatalogue.UniversityB), sp => sp.GetRequiredService<ReviewService>()
            .CreateAsync(moduleB.Id, new ReviewInput(3, null, null, null, "Fine", 2024, [sharedName])));
        var own = await TagAsync(ownName);
        var shared = await TagAsync(sharedName);

        var listed = await app.AsAsync(ModeratorA, sp => sp.GetRequiredService<TagService>().GetAllAsync());
        listed.Single(t => t.Id == own.Id).CanChange.ShouldBeTrue();
        listed.Single(t => t.Id == shared.Id).CanChange.ShouldBeFalse();

        await app.AsAsync(ModeratorA, sp => sp.GetRequiredService<TagService>().VerifyAsync(own.Id, TagKind.Topic));
        (await Should.ThrowAsync<BusinessException>(() => app.AsAsync(ModeratorA, sp => sp.GetRequiredService<TagService>().VerifyAsync(shared.Id, TagKind.Topic))))
            .Code.ShouldBe("Reviews:TagBeyondUniversity");
        (await Should.ThrowAsync<BusinessException>(() => app.AsAsync(ModeratorA, sp => sp.GetRequiredService<TagService>().RenameAsync(shared.Id, "Renamed"))))
            .Code.ShouldBe("Reviews:TagBeyondUniversity");
        (await Should.ThrowAsync<BusinessException>(() => app.AsAsync(ModeratorA, sp => sp.GetRequiredService<TagService>().MergeAsync(shared.Id, own.Id))))
            .Code.ShouldBe("Reviews:TagBeyondUniversity");
        (await TagAsync(sharedName)).IsVerified.ShouldBeFalse();

        // The tag of several universities is the Admin's.
        await app.AsAsync(TestPrincipals.Admin(Guid.NewGuid()), sp => sp.GetRequiredService<TagService>().RenameAsync(shared.Id, sharedName + " x"));
        (await app.DbAsync(db => db.Tags.SingleAsync(t => t.Id == shared.Id))).Name.ShouldBe(sharedName + " x");
    }

    [Fact]
    public async Task A_moderator_may_merge_their_own_tag_into_a_verified_shared_one()
    {
        var typo = Unique("Jvaa");
        var moduleA = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var moduleB = app.Catalogue.AddModule(TestCatalogue.UniversityB);
        var javaName = Unique("Java");
        await app.AsAsync(TestPrincipals.Student(Guid.NewGuid(), TestCatalogue.UniversityB), sp => sp.GetRequiredService<ReviewService>()
            .CreateAsync(moduleB.Id, new ReviewInput(3, null, null, null, "Fine", 2024, [javaName])));
        var review = await app.WriteReviewAsync(Guid.NewGuid(), moduleA.Id, tags: [typo]);
        var java = await TagAsync(javaName);
        await app.AsAsync(TestPrincipals.Admin(Guid.NewGuid()), sp => sp.GetRequiredService<TagService>().VerifyAsync(java.Id, TagKind.Tool));

        var typoTag = await TagAsync(typo);
        await app.AsAsync(ModeratorA, sp => sp.GetRequiredService<TagService>().MergeAsync(typoTag.Id, java.Id));
        (await app.DbAsync(db => db.ReviewTags.Where(rt => rt.ReviewId == review).Select(rt => rt.TagId).ToListAsync())).ShouldBe([java.Id]);
    }

    [Fact]
    public async Task Unverified_tags_show_only_to_their_author_and_the_universitys_staff()
    {
        var name = Unique("Sexy stuff");
        var author = Guid.NewGuid();
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(author, module.Id, tags: [name]);

        Task<ReviewView?> SeenBy(System.Security.Claims.ClaimsPrincipal? user) => app.AsAsync(user, sp => sp.GetRequiredService<ReviewListQuery>().GetAsync(review));
        (await SeenBy(null))!.Tags.ShouldBeEmpty();
        (await SeenBy(TestPrincipals.Student(Guid.NewGuid())))!.Tags.ShouldBeEmpty();
        (await SeenBy(TestPrincipals.Moderator(Guid.NewGuid(), TestCatalogue.UniversityB)))!.Tags.ShouldBeEmpty();
        (await SeenBy(TestPrincipals.Student(author)))!.Tags.Single().ShouldBe(new ReviewTagView((await TagAsync(name)).Id, name, TagKind.Other, false));
        (await SeenBy(ModeratorA))!.Tags.Single().IsVerified.ShouldBeFalse();
        var page = await app.AsAsync(null, sp => sp.GetRequiredService<ReviewListQuery>().GetPageAsync(module.Id, TestCatalogue.UniversityA, new ReviewFilter(), 10));
        page.Items.Single().Tags.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("C#")]
    [InlineData("C++")]
    [InlineData(".NET")]
    [InlineData("R")]
    [InlineData("¿Qué? & (más) #1 - it's ok!")]
    [InlineData("Ôl-raddedig")]
    public void The_originals_tag_characters_are_allowed(string name) =>
        ReviewInputValidator.Validate(new ReviewInput(4, null, null, null, "", 2024, [name]), 2020, 2025).ShouldBeEmpty();

    [Theory]
    [InlineData("Sexy stuff 🍆", "Reviews:TagCharacters")]
    [InlineData("<b>x</b>", "Reviews:TagCharacters")]
    [InlineData("a_b", "Reviews:TagCharacters")]
    [InlineData("This tag name is far too long to be a useful tag", "Reviews:TagLength")]
    public void Other_tag_names_are_refused_on_the_tags_field(string name, string code)
    {
        var error = ReviewInputValidator.Validate(new ReviewInput(4, null, null, null, "", 2024, [name]), 2020, 2025).Single();
        error.Field.ShouldBe("Tags");
        error.Code.ShouldBe(code);
    }

    [Fact]
    public async Task Renaming_follows_the_character_rule()
    {
        var name = Unique("Renamable");
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, tags: [name]);
        var tag = await TagAsync(name);
        (await Should.ThrowAsync<BusinessException>(() => app.AsAsync(ModeratorA, sp => sp.GetRequiredService<TagService>().RenameAsync(tag.Id, "<script>"))))
            .Code.ShouldBe("Reviews:TagCharacters");
        await app.AsAsync(ModeratorA, sp => sp.GetRequiredService<TagService>().RenameAsync(tag.Id, "C# " + name[^6..]));
    }

    [Fact]
    public async Task The_public_tag_list_pages_verified_tags_by_name_prefix()
    {
        var prefix = "Pfx" + Guid.NewGuid().ToString("N")[..6];
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, tags: [$"{prefix} a", $"{prefix} b", $"{prefix} c", $"{prefix} unverified", $"x {prefix}"]);
        var admin = TestPrincipals.Admin(Guid.NewGuid());
        foreach (var name in Letters.Select(n => $"{prefix} {n}").Append($"x {prefix}"))
        {
            var id = (await TagAsync(name)).Id;
            await app.AsAsync(admin, sp => sp.GetRequiredService<TagService>().VerifyAsync(id, TagKind.Topic));
        }

        var first = await app.AsAsync(null, sp => sp.GetRequiredService<TagService>().GetVerifiedPageAsync(prefix.ToLowerInvariant(), null, 2));
        first.Items.Select(t => t.Name).ShouldBe([$"{prefix} a", $"{prefix} b"]);
        first.Items[0].ReviewCount.ShouldBe(1);
        var second = await app.AsAsync(null, sp => sp.GetRequiredService<TagService>().GetVerifiedPageAsync(prefix, first.NextCursor, 2));
        second.Items.Select(t => t.Name).ShouldBe([$"{prefix} c"]);
        second.NextCursor.ShouldBeNull();
    }
}
