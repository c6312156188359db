using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Reviews.Tests.Web;

/// <summary>Tag moderation scope, the new permission on /Admin/Roles, unverified tags on the module page and the tag-name rule on the form.</summary>
public sealed class TagRulesHttpTests(ReviewsWebFactory app) : IClassFixture<ReviewsWebFactory>
{
    private static readonly TestUser Admin = new(Guid.NewGuid(), "admin@example.test", ["Admin"]);

    private static TestUser Moderator(Guid university) => new(Guid.NewGuid(), "moderator@aberdyfi.ac.uk", ["Moderator"], university);

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);

    [Fact]
    public async Task A_moderator_sees_a_shared_tag_as_the_admins_and_cannot_rename_it()
    {
        var name = "Shared " + Guid.NewGuid().ToString("N")[..6];
        await app.WriteReviewAsync(Guid.NewGuid(), app.Catalogue.AddModule(TestCatalogue.UniversityA).Id, tags: [name]);
        await app.WriteReviewAsync(Guid.NewGuid(), app.Catalogue.AddModule(TestCatalogue.UniversityB).Id, tags: [name]);
        var tag = (await app.AsAsync(TestPrincipals.Admin(Guid.NewGuid()), sp => sp.GetRequiredService<TagService>().GetAllAsync())).Single(t => t.Name == name);
        var moderator = app.CreateClientAs(Moderator(TestCatalogue.UniversityA));

        var page = await Html.ParseAsync(await moderator.GetAsync("/Admin/Moderation/Tags"));
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains(name, StringComparison.Ordinal));
        row.QuerySelector("form").ShouldBeNull();
        row.TextContent.ShouldContain("Reviews of other universities use this tag: an administrator changes it.");

        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(moderator, "/Admin/Moderation/Tags");
        var refused = await Html.ParseAsync(await moderator.PostAsync("/Admin/Moderation/Tags?handler=Rename", Form(token, ("tagId", tag.Id.ToString()), ("name", "Hijacked"))));
        refused.QuerySelector("[role=alert]")!.TextContent.ShouldContain("only an administrator can change it");
        (await app.CreateClientAs(Admin).GetStringAsync("/Admin/Moderation/Tags")).ShouldContain(name);
    }

    [Fact]
    public async Task Admin_roles_list_the_permission_to_manage_every_tag_in_english_and_welsh()
    {
        var admin = app.CreateClientAs(Admin);
        (await admin.GetStringAsync("/Admin/Roles/Moderator")).ShouldContain("Manage every tag (shared by all universities)");
        (await admin.GetStringAsync("/Admin/Roles/Moderator?culture=cy")).ShouldContain("Rheoli pob tag (a rennir gan bob prifysgol)");
    }

    [Fact]
    public async Task An_unverified_tag_is_not_shown_to_visitors_and_is_marked_for_its_author()
    {
        var author = new TestUser(Guid.NewGuid(), "author@aberdyfi.ac.uk", ["Student"], TestCatalogue.UniversityA);
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var name = "Fresh " + Guid.NewGuid().ToString("N")[..6];
        var review = await app.WriteReviewAsync(author.Id, module.Id, tags: [name]);

        (await app.CreateClient().GetStringAsync($"{TestCatalogue.PathOf(module)}")).ShouldNotContain(name);
        (await app.CreateClient().GetStringAsync($"/api/v1/reviews/{review}")).ShouldNotContain(name);
        var own = await Html.ParseAsync(await app.CreateClientAs(author).GetAsync($"{TestCatalogue.PathOf(module)}"));
        own.QuerySelector($"#review-{review} ul[aria-label=Tags]")!.TextContent.ShouldContain($"{name}");
        own.QuerySelector($"#review-{review} ul[aria-label=Tags]")!.TextContent.ShouldContain("(awaiting check)");
    }

    [Fact]
    public async Task The_review_form_refuses_a_tag_with_markup_next_to_the_field_and_keeps_what_was_typed()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var client = app.CreateClientAs(new TestUser(Guid.NewGuid(), "s@aberdyfi.ac.uk", ["Student"], TestCatalogue.UniversityA));
        var url = $"/Modules/{module.Id}/Review";
        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(client, url);

        var response = await client.PostAsync(url, Form(token, ("Input.Overall", "4"), ("Input.Tags", "C#, <b>x</b>"), ("Input.AcademicYear", "2024")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("#Input_Tags-error")!.TextContent.ShouldBe("A tag may contain only letters, digits, spaces and !?¿¡' +&()#-. (\"<b>x</b>\" does not).");
        page.QuerySelector("#Input_Tags")!.GetAttribute("value").ShouldBe("C#, <b>x</b>");
    }
}
