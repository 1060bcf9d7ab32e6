using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Organisation;
using Oversight.Records;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Dissemination;

/// <summary>
/// Records a dissemination event (<see cref="DisseminationRequest"/>): the units taking part as
/// <c>unit:invited:attended</c> entries, one per line, as the import takes them; its page on success.
/// </summary>
public sealed class NewModel(AccountabilityRecords records, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text) : RecordFormModel(text)
{
    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Organiser { get; set; }

    [BindProperty]
    public string? HeldOn { get; set; }

    [BindProperty]
    public bool Online { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Directives { get; set; }

    [BindProperty]
    public string? Attendance { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        HeldOn = IsoDate.Format(VietnamTime.Today(time));
        Organiser = await Reception.NewModel.OwnUnitCodeAsync(scope, caller, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var attendance = AttendanceRequest.Parse(VietnameseText.Entries(Attendance), errors);
        var result = errors.Count > 0
            ? new RecordResult<DisseminationEvent>(null, errors)
            : await records.CreateDisseminationAsync(
                new DisseminationRequest(Reference, Organiser, HeldOn, Online, Title, VietnameseText.Entries(Directives), attendance), cancellationToken);
        return Saved(result, e => $"/dissemination/{e.Id}");
    }
}
