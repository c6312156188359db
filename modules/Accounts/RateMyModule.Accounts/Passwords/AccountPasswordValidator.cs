using Microsoft.AspNetCore.Identity;
using RateMyModule.Accounts.Registration;
using RateMyModule.Accounts.Users;

namespace RateMyModule.Accounts.Passwords;

/// <summary>
/// OWASP ASVS 2.1 on top of Identity's length rule (12, no composition rules): refuses the commonly used passwords
/// and any password that contains the local part of the account's e-mail address, which an attacker tries first.
/// </summary>
public sealed class AccountPasswordValidator(CommonPasswordList common) : IPasswordValidator<AccountUser>
{
    public const string CommonCode = "PasswordTooCommon";
    public const string EmailCode = "PasswordContainsEmail";

    /// <summary>A local part this short ("jo") would refuse too many good passwords by chance.</summary>
    private const int ShortestLocalPartChecked = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<AccountUser> manager, AccountUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        if (common.Contains(password))
        {
            errors.Add(new IdentityError { Code = CommonCode, Description = "The password is one of the most commonly used." });
        }

        var local = LocalPartOf(user.Email);
        if (local.Length >= ShortestLocalPartChecked && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = EmailCode, Description = "The password contains the e-mail address." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static string LocalPartOf(string? email)
    {
        if (string.IsNullOrEmpty(email) || EmailAddressPolicy.DomainOf(email) is null)
        {
            return "";
        }

        var local = email[..email.LastIndexOf('@')];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? local[..plus] : local;
    }
}
