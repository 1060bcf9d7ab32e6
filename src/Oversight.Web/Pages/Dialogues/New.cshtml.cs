using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Records;
using Oversight.Text;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Cases;
using Oversight.Web.Pages.Reception;

namespace Oversight.Web.Pages.Dialogues;

/// <summary>
/// Records a dialogue meeting: the fields of <see cref="DialogueMeetingRequest"/>, checked by
/// <see cref="ReceptionRecords.CreateMeetingAsync"/>; each error beside its field and in the summary; the meeting's page on success.
/// </summary>
public sealed class NewModel(ReceptionRecords records, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text) : PageModel
{
    private static readonly char[] CaseSeparators = [',', ';', ' ', '\r', '\n', '\t'];

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? Level { get; set; }

    [BindProperty]
    public string? HeldOn { get; set; }

    [BindProperty]
    public string? Topic { get; set; }

    [BindProperty]
    public string? Participants { get; set; }

    [BindProperty]
    public string? ParticipantNote { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    /// <summary>Register numbers of the cases discussed, separated by commas, spaces or lines.</summary>
    [BindProperty]
    public string? Cases { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public IReadOnlyList<(string? Field, string Message)> Summary => text.Summary(Errors);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field) is { } error ? text.Error(error) : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        HeldOn = IsoDate.Format(VietnamTime.Today(time));
        Unit = await Reception.NewModel.OwnUnitCodeAsync(scope, caller, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var participants = Reception.NewModel.Count(Participants, "participants", errors);
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        var cases = (Cases ?? string.Empty).Split(CaseSeparators, StringSplitOptions.RemoveEmptyEntries);
        var result = await records.CreateMeetingAsync(
            new DialogueMeetingRequest(Unit, Level, HeldOn, Topic, participants, ParticipantNote, Outcome, cases, Reference), cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }

        return RedirectToPage("/Dialogues/Details", new { id = result.Record!.Id });
    }
}
