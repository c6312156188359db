using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.TestBase;

namespace RateMyModule.Accounts.Tests;

/// <summary>
/// Sign-in gives an attacker nothing to tell a real address from an unknown one by. Timed on a host with the
/// product's own password-hash cost: the other fixtures hash with far fewer rounds, which would leave the missing
/// hash work of an unknown address too small to see.
/// </summary>
public sealed class SignInTimingTests(SignInTimingTests.ProductHashCostAppFactory factory) : IClassFixture<SignInTimingTests.ProductHashCostAppFactory>
{
    public sealed class ProductHashCostAppFactory : AccountsAppFactory
    {
        protected override int? PasswordHashIterations => null;
    }

    private FormClient NewClient() => new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    private static Dictionary<string, string> Registration(string email) => RegistrationJourneyTests.Registration(email);

    private static Dictionary<string, string> SignIn(string email, string password) => RegistrationJourneyTests.SignIn(email, password);

    [Fact]
    public async Task Sign_in_answers_an_unknown_address_as_a_known_one_in_text_time_and_lockout()
    {
        var client = NewClient();
        const string email = "timed@bham.ac.uk";
        await client.SubmitAsync(await client.GetPageAsync("/Account/Register"), Registration(email));
        await client.GetPageAsync(FormClient.LinkIn(await FormClient.WaitForEmailAsync(factory.Smtp, email, "Confirm your RateMyModule account")));

        // Warm both paths up, then time them: the unknown one must do the password-hash work too.
        var known = await Html.ParseAsync(await client.SubmitAsync(await client.GetPageAsync("/Account/Login"), SignIn(email, "Wrong-password-1")));
        var unknown = await Html.ParseAsync(await client.SubmitAsync(await client.GetPageAsync("/Account/Login"), SignIn("nobody-here@bham.ac.uk", "Wrong-password-1")));
        known.QuerySelector("main [role=alert]")!.TextContent.ShouldBe(unknown.QuerySelector("main [role=alert]")!.TextContent);
        var (knownTime, unknownTime) = await TimeSignInsAsync(client, email, "nobody-here@bham.ac.uk");
        // Loose on purpose (a shared CI machine is noisy): without the hash work the unknown path is ~50 times faster,
        // while the known one also records the failure in the database.
        unknownTime.ShouldBeGreaterThan(knownTime / 4, $"known {knownTime}, unknown {unknownTime}");

        // Five failures lock out an unknown address just as they lock a real account (two were spent above on each).
        var ghost = NewClient();
        for (var i = 0; i < 4; i++)
        {
            (await ghost.SubmitAsync(await ghost.GetPageAsync("/Account/Login"), SignIn("ghost-lock@bham.ac.uk", "Wrong-password-1"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var fifth = await ghost.SubmitAsync(await ghost.GetPageAsync("/Account/Login"), SignIn("ghost-lock@bham.ac.uk", "Wrong-password-1"));
        fifth.Headers.Location!.OriginalString.ShouldBe("/Account/Lockout");
    }

    /// <summary>
    /// The fastest of a few failed sign-ins of each address, in milliseconds, taken in turns: a busy machine only
    /// ever adds time, so the fastest is the work itself, and turns spread any slow patch over both addresses.
    /// </summary>
    private static async Task<(double Known, double Unknown)> TimeSignInsAsync(FormClient client, string known, string unknown)
    {
        double knownTime = double.MaxValue, unknownTime = double.MaxValue;
        // Three each: with the warm-up, four failures, one short of locking the real account out.
        for (var i = 0; i < 3; i++)
        {
            knownTime = Math.Min(knownTime, await TimeSignInAsync(client, known));
            unknownTime = Math.Min(unknownTime, await TimeSignInAsync(client, unknown));
        }

        return (knownTime, unknownTime);
    }

    private static async Task<double> TimeSignInAsync(FormClient client, string email)
    {
        var page = await client.GetPageAsync("/Account/Login");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await client.SubmitAsync(page, SignIn(email, "Wrong-password-1"));
        return watch.Elapsed.TotalMilliseconds;
    }
}
