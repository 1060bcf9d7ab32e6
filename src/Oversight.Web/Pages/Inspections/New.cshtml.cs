using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Organisation;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Inspections;

/// <summary>
/// Records an inspection or supervision (<see cref="InspectionRequest"/>) with its team (<c>Name (role)</c> entries,
/// the lead apart) and its targets; its page on success, where the conclusion and its tasks follow.
/// </summary>
public sealed class NewModel(AccountabilityRecords records, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text) : RecordFormModel(text)
{
    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? DecidingUnit { get; set; }

    [BindProperty]
    public string? DecisionNumber { get; set; }

    [BindProperty]
    public string? DecidedOn { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Directive { get; set; }

    [BindProperty]
    public string? PeriodFrom { get; set; }

    [BindProperty]
    public string? PeriodTo { get; set; }

    [BindProperty]
    public string? TeamLead { get; set; }

    [BindProperty]
    public string? Team { get; set; }

    [BindProperty]
    public string? TargetUnits { get; set; }

    [BindProperty]
    public string? TargetOrganisations { get; set; }

    [BindProperty]
    public string? TargetMembers { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DecidedOn = IsoDate.Format(VietnamTime.Today(time));
        DecidingUnit = await Reception.NewModel.OwnUnitCodeAsync(scope, caller, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var team = VietnameseText.Entries(TeamLead).Select(m => TeamMemberRequest.Parse(m, isLead: true))
            .Concat(VietnameseText.Entries(Team).Select(m => TeamMemberRequest.Parse(m, isLead: false)))
            .ToList();
        var request = new InspectionRequest(
            Reference, Kind, DecidingUnit, DecisionNumber, DecidedOn, Title, Directive, PeriodFrom, PeriodTo, Team: team,
            TargetUnits: VietnameseText.Entries(TargetUnits), TargetOrganisations: VietnameseText.Entries(TargetOrganisations), TargetMembers: VietnameseText.Entries(TargetMembers));
        return Saved(await records.CreateInspectionAsync(request, cancellationToken), inspection => $"/inspections/{inspection.Id}");
    }
}
