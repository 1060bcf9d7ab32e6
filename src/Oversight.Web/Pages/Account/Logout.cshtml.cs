using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Accounts;

namespace Oversight.Web.Pages.Account;

/// <summary>Sign-out: a POST with the antiforgery token (the header's button); a GET only asks for confirmation.</summary>
public sealed class LogoutModel(SignInManager<OversightUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
