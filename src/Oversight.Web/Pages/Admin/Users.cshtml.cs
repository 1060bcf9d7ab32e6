using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Accounts;
using Oversight.Web.Accounts;

namespace Oversight.Web.Pages.Admin;

/// <summary>Every account, for administrators: role, unit and whether it is disabled, each linking to its page.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class UsersModel(AccountService accounts) : PageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await accounts.ListUsersAsync(cancellationToken);
}
