using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Oversight.Web.Pages;

/// <summary>
/// The home page: the unit tree for the signed-in; for anyone else, the public channel (send a petition, follow one
/// by its tracking code) and the way to sign in.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet(string? code)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return RedirectToPage("/Units/Index");
        }

        return string.IsNullOrWhiteSpace(code) ? Page() : Redirect($"/public/petitions/{Uri.EscapeDataString(code.Trim())}");
    }
}
