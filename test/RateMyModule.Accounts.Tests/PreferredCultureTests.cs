using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Tests.Infrastructure;

namespace RateMyModule.Accounts.Tests;

/// <summary>The language a user reads the site in is remembered, so mail sent later by a job is written in it.</summary>
public sealed class PreferredCultureTests(AccountsAppFactory factory) : IClassFixture<AccountsAppFactory>
{
    private const string Password = "Cymraeg-pass-2026";

    [Fact]
    public async Task Signing_in_in_welsh_and_switching_to_english_later_are_both_remembered()
    {
        const string email = "cymedrolwr@bham.ac.uk";
        await factory.CreateUserAsync(email, Password, TestCatalogue.Birmingham.Id, AccountRoles.Moderator, TestCatalogue.Physics.Id);
        (await CultureOfAsync(email)).ShouldBeNull("nothing is known before the first sign-in");

        var client = new FormClient(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        (await client.Http.GetAsync("/culture/switch?culture=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var signedIn = await client.SubmitAsync(await client.GetPageAsync("/Account/Login"), new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CultureOfAsync(email)).ShouldBe("cy");

        // A GET (a link anyone could plant) changes this browser's cookie only; the stored choice needs the form's POST.
        (await client.Http.GetAsync("/culture/switch?culture=en&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CultureOfAsync(email)).ShouldBe("cy");
        (await client.Http.PostAsync("/culture/switch", new FormUrlEncodedContent([new("culture", "en"), new("returnUrl", "/")])))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CultureOfAsync(email)).ShouldBe("cy");

        var page = await client.GetPageAsync("/");
        var english = page.QuerySelectorAll("form[action='/culture/switch']").Single(f => f.QuerySelector("input[name=culture]")!.GetAttribute("value") == "en");
        var fields = english.QuerySelectorAll("input[name]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        var switched = await client.Http.PostAsync("/culture/switch", new FormUrlEncodedContent(fields));
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.ShouldBe("/");
        (await CultureOfAsync(email)).ShouldBe("en");
    }

    [Fact]
    public async Task Registering_in_welsh_remembers_welsh()
    {
        const string email = "newydd@cs.bham.ac.uk";
        var client = new FormClient(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var form = await client.GetPageAsync("/Account/Register?culture=cy");
        var registered = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Users.AccountUser>>();
        (await users.FindByEmailAsync(email))!.PreferredCulture.ShouldBe("cy");
    }

    private async Task<string?> CultureOfAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var lookup = scope.ServiceProvider.GetRequiredService<IAccountLookup>();
        return (await lookup.GetModeratorsToNotifyAsync(TestCatalogue.Birmingham.Id)).Single(r => r.Email == email).Culture;
    }
}
