using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Account;

/// <summary>
/// The signed-in person's own notification preferences: the address their daily digest goes to, its language, and
/// whether it comes at all. Each change is audited; it comes back here with a confirmation (post-redirect-get).
/// </summary>
public sealed class NotificationsModel(AccountService accounts, Caller caller, IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string Language { get; set; } = Languages.Vietnamese;

    [BindProperty]
    public bool ReceivesDigests { get; set; }

    public string? EmailError { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved)
    {
        if (caller.UserId is not { } userId || await accounts.PreferencesAsync(userId) is not { } preferences)
        {
            return NotFound();
        }

        (Email, Language, ReceivesDigests, Saved) = (preferences.Email, preferences.Language, preferences.ReceivesDigests, saved);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (caller.UserId is not { } userId)
        {
            return NotFound();
        }

        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        if (Email is not null && !AccountService.IsEmailAddress(Email))
        {
            EmailError = text["Preferences.EmailInvalid"];
            return Page();
        }

        if (!Languages.All.Contains(Language))
        {
            Language = Languages.Vietnamese;
        }

        if (await accounts.SetPreferencesAsync(userId, new(Email, Language, ReceivesDigests)) is { } error)
        {
            EmailError = error.Message;
            return Page();
        }

        return RedirectToPage("/Account/Notifications", new { saved = true });
    }
}
