using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Accounts;
using Oversight.Organisation;
using Oversight.Petitions;

namespace Oversight.Web.Pages.Work;

/// <summary>
/// "My work": the open cases assigned to the signed-in officer, overdue ones first, then those due within a number of
/// days (7 unless <c>days</c> says otherwise), with their counts and links to the full lists in the register.
/// </summary>
public sealed class IndexModel(CaseRegister register, Caller caller, TimeProvider time) : PageModel
{
    public const int DefaultDays = 7;

    public const int MaxDays = 365;

    /// <summary>Up to this many cases of each list are shown; the register lists the rest.</summary>
    public const int Shown = 50;

    [BindProperty(SupportsGet = true, Name = "days")]
    public int Days { get; set; } = DefaultDays;

    /// <summary>The days given were not a number from 0 to <see cref="MaxDays"/>; the default was used.</summary>
    public bool DaysInvalid { get; private set; }

    public DateOnly Today { get; private set; }

    public MyWorkCounts Counts { get; private set; } = new(0, 0);

    public IReadOnlyList<CaseRow> Overdue { get; private set; } = [];

    public IReadOnlyList<CaseRow> DueSoon { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = VietnamTime.Today(time);
        if (!ModelState.IsValid || Days is < 0 or > MaxDays)
        {
            DaysInvalid = true;
            Days = DefaultDays;
        }

        var mine = caller.UserId ?? string.Empty;
        Counts = await register.MyWorkAsync(mine, Days, cancellationToken);
        Overdue = (await register.ListAsync(new CaseFilter { AssigneeUserId = mine, Overdue = true }, 1, Shown, cancellationToken))?.Rows ?? [];
        DueSoon = (await register.ListAsync(new CaseFilter { AssigneeUserId = mine, DueWithinDays = Days }, 1, Shown, cancellationToken))?.Rows ?? [];
    }
}
