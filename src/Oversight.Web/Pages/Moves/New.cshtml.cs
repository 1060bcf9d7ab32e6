using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Organisation;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Moves;

/// <summary>Records a rotation, transfer or periodic change of post (<see cref="PersonnelMoveRequest"/>); its page on success.</summary>
public sealed class NewModel(AccountabilityRecords records, TimeProvider time, IStringLocalizer<Strings> text) : RecordFormModel(text)
{
    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Person { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? PostKind { get; set; }

    [BindProperty]
    public string? FromUnit { get; set; }

    [BindProperty]
    public string? FromTitle { get; set; }

    [BindProperty]
    public string? ToUnit { get; set; }

    [BindProperty]
    public string? ToTitle { get; set; }

    [BindProperty]
    public string? EffectiveOn { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? DecidingUnit { get; set; }

    [BindProperty]
    public string? Directive { get; set; }

    [BindProperty]
    public string? DecisionNumber { get; set; }

    public void OnGet() => EffectiveOn = IsoDate.Format(VietnamTime.Today(time));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => Saved(
        await records.CreateMoveAsync(
            new PersonnelMoveRequest(Reference, Person, Kind, PostKind, FromUnit, FromTitle, ToUnit, ToTitle, EffectiveOn, Reason, DecidingUnit, Directive, DecisionNumber),
            cancellationToken),
        move => $"/moves/{move.Id}");
}
