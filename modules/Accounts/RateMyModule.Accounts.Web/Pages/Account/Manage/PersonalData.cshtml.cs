using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Accounts.PersonalData;
using RateMyModule.Accounts.Users;

namespace RateMyModule.Accounts.Web.Pages.Account.Manage;

[Authorize]
public sealed class PersonalDataModel(UserManager<AccountUser> users, PersonalDataExporter exporter) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return File(await exporter.ExportAsync(user.Id, cancellationToken), "application/json", "personal-data.json");
    }
}
