using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Account;

/// <summary>
/// Sign-in with a local account. Five wrong passwords lock the account for a while (Identity lockout); the
/// return address is followed only when it is local to this site.
/// </summary>
public sealed class LoginModel(SignInManager<OversightUser> signIn, IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Errors to show, each with the id of the field it concerns (null: the form as a whole).</summary>
    public List<(string? Field, string Message)> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName))
        {
            Errors.Add(("user-name", text["Login.UserNameRequired"]));
        }

        if (string.IsNullOrEmpty(Password))
        {
            Errors.Add(("password", text["Login.PasswordRequired"]));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/units");
        }

        // One answer for a wrong name, a wrong password and a locked or disabled account: none tells which accounts exist.
        Errors.Add(("user-name", text["Login.Failed"]));
        return Page();
    }
}
