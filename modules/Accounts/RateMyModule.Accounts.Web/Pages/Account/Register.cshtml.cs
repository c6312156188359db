using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Passwords;
using RateMyModule.Accounts.Registration;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.Services;

namespace RateMyModule.Accounts.Web.Pages.Account;

[AllowAnonymous]
public sealed class RegisterModel(
    UserManager<AccountUser> users,
    EmailAddressPolicy policy,
    AccountEmailLinks emails,
    SignInTiming timing,
    IStringLocalizer<AccountsResource> l) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var check = await policy.CheckAsync(email, cancellationToken: cancellationToken);
        if (!check.IsAccepted)
        {
            ModelState.AddModelError("Input.Email", l["EmailRefusal:" + check.Refusal]);
            return Page();
        }

        var user = new AccountUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            UniversityId = check.University!.Id,
            PreferredCulture = CultureInfo.CurrentUICulture.Name,
        };

        // The password rules first, for both paths: a weak password refused only for a new address would tell which
        // addresses have accounts.
        var weak = await PasswordProblemsAsync(user);
        if (!weak.Succeeded)
        {
            IdentityErrors.AddTo(ModelState, "Input.Password", weak, l);
            return Page();
        }

        if (check.ExistingUserId is not null)
        {
            // The mailbox has an account (as typed, or spelt another way): the same answer, after the same work, as a
            // new registration, and a notice to the account's own address instead of a second account.
            timing.HashNothing(Input.Password);
            await emails.SendRegistrationAttemptAsync(check.ExistingEmail!, cancellationToken);
            return RedirectToPage("RegisterConfirmation");
        }

        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            IdentityErrors.AddTo(ModelState, "Input.Password", created, l);
            return Page();
        }

        await users.AddToRoleAsync(user, AccountRoles.Student);
        await emails.SendConfirmationAsync(user, cancellationToken);
        return RedirectToPage("RegisterConfirmation");
    }

    private async Task<IdentityResult> PasswordProblemsAsync(AccountUser user)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, Input.Password)).Errors);
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    public sealed class RegisterInput
    {
        [Required]
        [EmailAddress]
        [StringLength(AccountUser.EmailMaxLength)]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required]
        [StringLength(PasswordRules.MaxLength, MinimumLength = PasswordRules.MinLength)]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required]
        [DataType(DataType.Password)]
        [Compare(nameof(Password))]
        [Display(Name = "ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }
}
