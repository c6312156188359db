using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Registration;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.Services;

namespace RateMyModule.Accounts.Web.Pages.Account;

[AllowAnonymous]
public sealed class RegisterModel(
    UserManager<AccountUser> users,
    EmailAddressPolicy policy,
    AccountEmailLinks emails,
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

        if (check.ExistingUserId is not null)
        {
            // Same answer as a new registration: the page must not tell a stranger the address has an account.
            await emails.SendRegistrationAttemptAsync(email, cancellationToken);
            return RedirectToPage("RegisterConfirmation");
        }

        var user = new AccountUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            UniversityId = check.University!.Id,
            PreferredCulture = CultureInfo.CurrentUICulture.Name,
        };
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

    public sealed class RegisterInput
    {
        [Required]
        [EmailAddress]
        [StringLength(AccountUser.EmailMaxLength)]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required]
        [StringLength(100, MinimumLength = 8)]
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
