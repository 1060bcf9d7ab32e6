using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Inspections;

/// <summary>Records a finding of an inspection, on one of its targets or on all, with the manifestations it shows (<see cref="AccountabilityRecords.CreateFindingAsync"/>).</summary>
public sealed class NewFindingModel(AccountabilityRecords records, DirectiveChain chain, IStringLocalizer<Strings> text) : InspectionFormModel(records, chain, text)
{
    [BindProperty]
    public string? Target { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Manifestations { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        SaveAboutAsync(
            LoadAsync(id, cancellationToken),
            $"/inspections/{id}#inspection-findings",
            () => Records.CreateFindingAsync(new FindingRequest(Inspection.Reference, Target, Text, VietnameseText.Entries(Manifestations)), cancellationToken));
}
