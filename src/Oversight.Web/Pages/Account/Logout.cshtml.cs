using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Accounts;

namespace Oversight.Web.Pages.Account;

/// <summary>
/// Sign-out: a POST with the antiforgery token (the header's button); a GET only asks for confirmation. Signing out
/// ends every session of the account, on every node, within the minute in which sessions are checked: a cookie copied
/// before does not outlive it.
/// </summary>
public sealed class LogoutModel(SignInManager<OversightUser> signIn, AccountService accounts) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var userName = User.Identity?.Name;
        await signIn.SignOutAsync();
        if (userName is not null)
        {
            await accounts.EndSessionsAsync(userName);
        }

        return RedirectToPage("/Account/Login");
    }
}
