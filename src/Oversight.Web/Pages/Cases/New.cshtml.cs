using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Records;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Cases;

/// <summary>
/// Records a case an officer received: the fields of <see cref="CaseRequest"/>, checked by
/// <see cref="CaseWorkflow.ReceiveAsync"/>; each error beside its field and in the summary; the case's page on success.
/// </summary>
public sealed class NewModel(CaseWorkflow workflow, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? ReceivedOn { get; set; }

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    /// <summary>What the citizen says (not <c>Content</c>, which a page model uses for its own results).</summary>
    [BindProperty(Name = "Content")]
    public string? CaseContent { get; set; }

    [BindProperty]
    public string? PetitionerName { get; set; }

    [BindProperty]
    public string? PetitionerAddress { get; set; }

    [BindProperty]
    public string? PetitionerPhone { get; set; }

    [BindProperty]
    public string? PetitionerCount { get; set; }

    [BindProperty]
    public string? ReceptionSession { get; set; }

    /// <summary>The workflow's errors, in the order it gave them.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>The errors as the summary lists them, each linking to its field.</summary>
    public IReadOnlyList<(string? Field, string Message)> Summary =>
        Errors.Select(e => (text.FieldLabel(e.Field) is null ? null : FieldId(e.Field), text.SummaryLine(e))).ToList();

    /// <summary>The element id of a workflow field: <c>petitioner.name</c> → <c>petitioner-name</c>.</summary>
    public static string FieldId(string field) => field.Replace('.', '-');

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field) is { } error ? text.Error(error) : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(time);
        ReceivedOn = IsoDate.Format(today);
        Channel = WireNames<CaseChannel>.ToWire(CaseChannel.ReceptionSession);
        PetitionerCount = "1";
        if (caller.ScopeUnitId is { } own && (await scope.GraphAsync(cancellationToken)).Latest(own) is { } unit)
        {
            Unit = unit.Code;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        int? count = null;
        if (!string.IsNullOrWhiteSpace(PetitionerCount))
        {
            if (int.TryParse(PetitionerCount.Trim(), out var parsed))
            {
                count = parsed;
            }
            else
            {
                Errors = [RecordMessages.OutOfRange.For("petitionerCount", PetitionerCount, 1, 10000)];
                return Page();
            }
        }

        var request = new CaseRequest(
            Kind, Unit, ReceivedOn, Channel, Subject, CaseContent,
            new PetitionerDetails(PetitionerName, PetitionerAddress, PetitionerPhone),
            count, ReceptionSession: ReceptionSession);
        var result = await workflow.ReceiveAsync(request, cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }

        return RedirectToPage("/Cases/Details", new { id = result.Case!.Id });
    }
}
