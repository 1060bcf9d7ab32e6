using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Documents;
using Oversight.Records;
using Oversight.Text;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Inspections;

/// <summary>
/// An inspection or supervision: its decision, team, targets, findings, conclusion, the tasks it set (see
/// <see cref="DirectiveChain.InspectionAsync"/>), its documents with the one to start next, and its history.
/// </summary>
public sealed class DetailsModel(
    DirectiveChain chain, AccountabilityRecords records, InspectionDocuments documents, AccountabilityRegister register, IStringLocalizer<Strings> text) : RecordPageModel(register, text)
{
    public InspectionView View { get; private set; } = null!;

    /// <summary>The caller acts for the inspecting body, and is offered its findings, conclusion and tasks to record.</summary>
    public bool MayChange { get; private set; }

    public IReadOnlyList<InspectionDocument> Documents { get; private set; } = [];

    /// <summary>The kinds of document the caller may start now: those the inspection does not have yet, the report before the notice.</summary>
    public IReadOnlyList<DocumentKind> ToStart { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Starts a document of the inspection and opens it; the page again with the reason when it cannot be.</summary>
    public async Task<IActionResult> OnPostStartAsync(Guid id, string? kind, CancellationToken cancellationToken)
    {
        if (!WireNames<DocumentKind>.TryParse(kind, out var chosen))
        {
            return BadRequest();
        }

        var result = await documents.CreateAsync(id, chosen, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            return Redirect($"/documents/{result.Record!.Id}?done=created");
        }

        Errors = result.Errors;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await chain.InspectionAsync(id, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        MayChange = await records.MayChangeInspectionAsync(view.Item.Inspection.DecidingUnitId, cancellationToken);
        Documents = await documents.OfInspectionAsync(id, cancellationToken);
        ToStart = (await documents.MayStartAsync(id, cancellationToken)).Where(k => Documents.All(d => d.Kind != k)).Take(1).ToList();
        await ReadHistoryAsync<Inspection>(id, nameof(TeamMember.InspectionId), cancellationToken);
        return true;
    }
}
