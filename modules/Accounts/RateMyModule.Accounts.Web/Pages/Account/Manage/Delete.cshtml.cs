using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Users;
using RateMyModule.Framework.Http;

namespace RateMyModule.Accounts.Web.Pages.Account.Manage;

[Authorize]
public sealed class DeleteModel(UserManager<AccountUser> users, SignInManager<AccountUser> signIn, AccountDeleter deleter, IStringLocalizer<AccountsResource> l) : PageModel
{
    [BindProperty]
    [Required]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    /// <summary>False for an account made through a sign-in provider: it must set a password before deleting.</summary>
    public bool HasPassword { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        HasPassword = await users.HasPasswordAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await deleter.DeleteAsync(user, Password, cancellationToken))
        {
            ModelState.AddModelError(nameof(Password), l["WrongPassword"]);
            return Page();
        }

        await signIn.SignOutAsync();
        TempData.SetStatusMessage(l["AccountDeleted"]);
        return LocalRedirect("~/");
    }
}
