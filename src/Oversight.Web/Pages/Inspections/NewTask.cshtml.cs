using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Inspections;

/// <summary>Sets a follow-up task of a concluded inspection (<see cref="AccountabilityRecords.CreateTaskAsync"/>).</summary>
public sealed class NewTaskModel(AccountabilityRecords records, DirectiveChain chain, IStringLocalizer<Strings> text) : InspectionFormModel(records, chain, text)
{
    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? OwnerUnit { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? DueOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        SaveAboutAsync(
            LoadAsync(id, cancellationToken),
            $"/inspections/{id}#inspection-tasks",
            () => Records.CreateTaskAsync(new FollowUpTaskRequest(Reference, Inspection.Reference, OwnerUnit, Description, DueOn), cancellationToken));
}
