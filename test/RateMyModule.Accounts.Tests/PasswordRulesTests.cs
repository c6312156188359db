using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Passwords;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.Accounts.Users;

namespace RateMyModule.Accounts.Tests;

/// <summary>OWASP ASVS 2.1: length 12 or more (long ones welcome), no composition rules, no common or e-mail-based passwords.</summary>
public sealed class PasswordRulesTests(AccountsAppFactory factory) : IClassFixture<AccountsAppFactory>
{
    private static readonly AccountUser Alice = new() { Id = Guid.NewGuid(), UserName = "alice.jones@bham.ac.uk", Email = "alice.jones@bham.ac.uk" };

    [Theory]
    [InlineData("P@ssw0rd", "PasswordTooShort")]
    [InlineData("Qwerty123!", "PasswordTooShort")]
    [InlineData("Password123!", "PasswordTooCommon")]
    [InlineData("iloveyou2026!", "PasswordTooCommon")]
    [InlineData("qwertyuiop123", "PasswordTooCommon")]
    [InlineData("Alice.Jones-2026", "PasswordContainsEmail")]
    public async Task Weak_passwords_are_refused_with_the_reason(string password, string code)
        => (await ErrorsOf(password)).ShouldContain(code);

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("lowercaseonlybutlong")]
    [InlineData("Ein sehr langes Passwort, das mehr als vierundsechzig Zeichen hat, ist erlaubt: 0123456789")]
    public async Task Long_passwords_without_composition_rules_are_accepted(string password)
        => (await ErrorsOf(password)).ShouldBeEmpty();

    [Fact]
    public void The_embedded_list_holds_at_least_twenty_thousand_passwords()
        => new CommonPasswordList().Count.ShouldBeGreaterThanOrEqualTo(20_000);

    private async Task<List<string>> ErrorsOf(string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
        var codes = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            codes.AddRange((await validator.ValidateAsync(users, Alice, password)).Errors.Select(e => e.Code));
        }

        return codes;
    }
}
