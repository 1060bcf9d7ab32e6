using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Organisation;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Inspections;

/// <summary>Records or corrects an inspection's conclusion (<see cref="AccountabilityRecords.ConcludeAsync"/>).</summary>
public sealed class ConcludeModel(AccountabilityRecords records, DirectiveChain chain, TimeProvider time, IStringLocalizer<Strings> text) : InspectionFormModel(records, chain, text)
{
    [BindProperty]
    public string? ConcludedOn { get; set; }

    [BindProperty]
    public string? Conclusion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ConcludedOn = IsoDate.Format(Inspection.ConcludedOn ?? VietnamTime.Today(time));
        Conclusion = Inspection.Conclusion;
        Stamp = Inspection.ConcurrencyStamp;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        SaveAboutAsync(LoadAsync(id, cancellationToken), $"/inspections/{id}#inspection-conclusion", () => Records.ConcludeAsync(id, new ConclusionRequest(ConcludedOn, Conclusion), Stamp, cancellationToken));
}
