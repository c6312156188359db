using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Domain;
using RateMyModule.Reviews.Tests.Fakes;

namespace RateMyModule.Reviews.Tests.Core;

public sealed class TagTests(ReviewsCoreFixture app) : IClassFixture<ReviewsCoreFixture>
{
    private static readonly System.Security.Claims.ClaimsPrincipal Moderator = TestPrincipals.Moderator(Guid.NewGuid(), TestCatalogue.UniversityA);

    private Task<Tag> TagAsync(string name) => app.DbAsync(db => db.Tags.SingleAsync(t => t.NormalizedName == Tag.Normalize(name)));

    [Fact]
    public async Task Typed_tags_share_one_case_insensitive_name_space_and_start_unverified()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, tags: ["Haskell", "Monads"]);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, tags: ["HASKELL", " haskell  "]);

        (await app.DbAsync(db => db.Tags.CountAsync(t => t.NormalizedName == "HASKELL"))).ShouldBe(1);
        (await TagAsync("haskell")).IsVerified.ShouldBeFalse();
        (await app.DbAsync(db => db.ReviewTags.CountAsync(rt => rt.Tag!.NormalizedName == "HASKELL"))).ShouldBe(2);
        await Should.ThrowAsync<DbUpdateException>(() => app.DbAsync(async db =>
        {
            db.Tags.Add(new Tag { Name = "haskell", NormalizedName = "HASKELL" });
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Autocomplete_and_filters_offer_only_verified_tags_and_moderators_verify_rename_and_merge()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, tags: ["Prolog"]);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, tags: ["prolog lang"]);
        (await app.AsAsync(null, sp => sp.GetRequiredService<TagService>().SuggestAsync("prol"))).ShouldBeEmpty();
        (await app.AsAsync(null, sp => sp.GetRequiredService<TagService>().GetModuleTagsAsync(module.Id))).ShouldBeEmpty();
        var onItsReview = await app.AsAsync(null, sp => sp.GetRequiredService<ReviewListQuery>().GetAsync(review));
        onItsReview!.Tags.ShouldBeEmpty();

        var prolog = await TagAsync("prolog");
        await app.AsAsync(Moderator, sp => sp.GetRequiredService<TagService>().VerifyAsync(prolog.Id, TagKind.Tool));
        (await app.AsAsync(null, sp => sp.GetRequiredService<TagService>().SuggestAsync("prol"))).Select(t => t.Name).ShouldBe(["Prolog"]);

        var variant = await TagAsync("prolog lang");
        (await Should.ThrowAsync<BusinessException>(() => app.AsAsync(Moderator, sp => sp.GetRequiredService<TagService>().RenameAsync(variant.Id, "PROLOG"))))
            .Code.ShouldBe("Reviews:TagExists");
        await app.AsAsync(Moderator, sp => sp.GetRequiredService<TagService>().RenameAsync(prolog.Id, "Prolog (logic)"));
        await app.AsAsync(Moderator, sp => sp.GetRequiredService<TagService>().MergeAsync(variant.Id, prolog.Id));

        (await app.DbAsync(db => db.Tags.AnyAsync(t => t.Id == variant.Id))).ShouldBeFalse();
        var moduleTags = await app.AsAsync(null, sp => sp.GetRequiredService<TagService>().GetModuleTagsAsync(module.Id));
        moduleTags.Single().ShouldBe(new TagView(prolog.Id, "Prolog (logic)", TagKind.Tool, true, 2));
        await app.AssertAggregateMatchesReviewsAsync(module.Id);
    }

    [Fact]
    public async Task Students_cannot_manage_tags()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, tags: ["Fortran"]);
        var tag = await TagAsync("fortran");
        await Should.ThrowAsync<EntityNotFoundException>(() => app.AsAsync(TestPrincipals.Student(Guid.NewGuid()),
            sp => sp.GetRequiredService<TagService>().VerifyAsync(tag.Id, TagKind.Tool)));
        (await TagAsync("fortran")).IsVerified.ShouldBeFalse();
    }
}
