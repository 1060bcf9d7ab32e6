using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Web.Accounts;

namespace Oversight.Web.Pages.Cases;

/// <summary>
/// For leaders (and administrators): who saw which denouncer's identity, when and why, over the cases of their scope,
/// newest first, from the audit trail.
/// </summary>
[Authorize(Policy = Policies.Leader)]
public sealed class RevealsModel(IdentityRevealLog log, UnitDirectory units) : PageModel
{
    private const int PageSize = 50;

    public RegisterPage<IdentityRevealRow> Found { get; private set; } = null!;

    public UnitGraph Graph { get; private set; } = null!;

    public async Task OnGetAsync(int? page, CancellationToken cancellationToken)
    {
        Found = await log.ReadAsync(RegisterSlice.OnePage(page ?? 1, PageSize), cancellationToken);
        Graph = await units.GraphAsync(cancellationToken);
    }

    public string UnitName(IdentityRevealRow row) => row.UnitId is { } id ? Graph.NameOn(id, DateOnly.FromDateTime(row.At.UtcDateTime)) : "—";

    public string PageHref(int page) => $"/cases/reveals?page={page}";
}
