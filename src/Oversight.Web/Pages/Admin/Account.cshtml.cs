using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Accounts;
using Oversight.Text;
using Oversight.Web.Accounts;

namespace Oversight.Web.Pages.Admin;

/// <summary>
/// One account, for administrators: its role, unit and state, its tokens, and a form for each change (role, unit,
/// e-mail address, new password, disable or enable, end its sessions, revoke tokens). Each change ends the account's sessions within a
/// minute, is audited, and comes back here with a confirmation (post-redirect-get); a refused one shows why.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AccountModel(AccountService accounts) : PageModel
{
    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? AsOf { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public AccountSummary? Account { get; private set; }

    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];

    /// <summary>What the last change did (a resource key), shown once after the redirect.</summary>
    public string? Done { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, string? done, CancellationToken cancellationToken)
    {
        Done = done is "role" or "unit" or "email" or "password" or "disabled" or "enabled" or "sessions" or "revoked" ? done : null;
        return await LoadAsync(name, cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostRoleAsync(string name, CancellationToken cancellationToken) =>
        ChangeAsync(name, "role", () => accounts.SetRoleAsync(name, Role ?? string.Empty), cancellationToken);

    public Task<IActionResult> OnPostUnitAsync(string name, CancellationToken cancellationToken) =>
        ChangeAsync(name, "unit", () => string.IsNullOrWhiteSpace(AsOf)
            ? accounts.SetUnitAsync(name, Unit?.Trim() ?? string.Empty, null)
            : IsoDate.TryParse(AsOf.Trim(), out var asOf)
                ? accounts.SetUnitAsync(name, Unit?.Trim() ?? string.Empty, asOf)
                : Task.FromResult<AccountError?>(new AccountError($"'{AsOf}' is not a date in the form YYYY-MM-DD")), cancellationToken);

    public Task<IActionResult> OnPostEmailAsync(string name, CancellationToken cancellationToken) =>
        ChangeAsync(name, "email", () => accounts.SetEmailAsync(name, Email), cancellationToken);

    public Task<IActionResult> OnPostPasswordAsync(string name, CancellationToken cancellationToken) =>
        ChangeAsync(name, "password", () => accounts.ResetPasswordAsync(name, NewPassword ?? string.Empty), cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(string name, CancellationToken cancellationToken) =>
        ChangeAsync(name, "disabled", () => accounts.DisableAsync(name), cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string name, CancellationToken cancellationToken) =>
        ChangeAsync(name, "enabled", () => accounts.EnableAsync(name), cancellationToken);

    public Task<IActionResult> OnPostSessionsAsync(string name, CancellationToken cancellationToken) =>
        ChangeAsync(name, "sessions", () => accounts.EndSessionsAsync(name), cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(string name, Guid? token, CancellationToken cancellationToken) =>
        ChangeAsync(name, "revoked", async () => token is { } id ? await accounts.RevokeTokenAsync(id, cancellationToken) : (await accounts.RevokeTokensAsync(name, cancellationToken)).Error, cancellationToken);

    private async Task<IActionResult> ChangeAsync(string name, string done, Func<Task<AccountError?>> change, CancellationToken cancellationToken)
    {
        if (await change() is { } error)
        {
            Error = error.Message;
            return await LoadAsync(name, cancellationToken) ? Page() : NotFound();
        }

        return RedirectToPage("/Admin/Account", new { name, done });
    }

    private async Task<bool> LoadAsync(string name, CancellationToken cancellationToken)
    {
        Account = await accounts.FindUserAsync(name, cancellationToken);
        if (Account is null)
        {
            return false;
        }

        Tokens = (await accounts.ListTokensAsync(name, cancellationToken)).Tokens;
        return true;
    }
}
