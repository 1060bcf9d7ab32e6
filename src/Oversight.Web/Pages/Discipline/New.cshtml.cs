using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Organisation;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Discipline;

/// <summary>
/// Records a discipline decision (<see cref="DisciplineRequest"/>). Beside the form: the forms of discipline the rule
/// pack allows each subject, and — once a form and both dates are given, by the check button or on recording — the
/// statute of limitation of that form (<see cref="DisciplineLimitation"/>), so that it is seen before the decision is
/// recorded. A lapsed one is refused by <see cref="AccountabilityRecords"/>.
/// </summary>
public sealed class NewModel(AccountabilityRecords records, TimeProvider time, IStringLocalizer<Strings> text) : RecordFormModel(text)
{
    [BindProperty]
    public string? DecisionNumber { get; set; }

    [BindProperty]
    public string? DecidedOn { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? DecidingUnit { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? SubjectPerson { get; set; }

    [BindProperty]
    public string? SubjectUnit { get; set; }

    [BindProperty]
    public string? Form { get; set; }

    [BindProperty]
    public string? ViolationOn { get; set; }

    /// <summary>The violation in a few lines (not <c>Summary</c>: that is the form's error summary).</summary>
    [BindProperty(Name = "summary")]
    public string? SummaryText { get; set; }

    [BindProperty]
    public string? SourceInspection { get; set; }

    [BindProperty]
    public string? Directive { get; set; }

    [BindProperty]
    public string? Manifestations { get; set; }

    /// <summary>The forms each subject may be given on the decision's day (today until one is typed).</summary>
    public IReadOnlyList<AllowedForms> Forms { get; private set; } = [];

    /// <summary>The statute of limitation of the chosen form; null until a form and both dates are given.</summary>
    public LimitationCheck? Limitation { get; private set; }

    public DateOnly? DecisionDay { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DecidedOn = IsoDate.Format(VietnamTime.Today(time));
        await CheckAsync(cancellationToken);
    }

    /// <summary>Shows the limitation of the form typed in; records nothing.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        await CheckAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await CheckAsync(cancellationToken);
        var request = new DisciplineRequest(
            DecisionNumber, DecidedOn, Body, DecidingUnit, Subject, SubjectPerson, SubjectUnit, Form, ViolationOn, SummaryText, SourceInspection, Directive,
            VietnameseText.Entries(Manifestations));
        return Saved(await records.CreateDecisionAsync(request, cancellationToken), decision => $"/discipline/{decision.Id}");
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        DecisionDay = IsoDate.TryParse(DecidedOn?.Trim() ?? string.Empty, out var decidedOn) ? decidedOn : null;
        var day = DecisionDay ?? VietnamTime.Today(time);
        var forms = new List<AllowedForms>();
        foreach (var subject in Enum.GetValues<DisciplineSubject>())
        {
            forms.Add(await records.FormsAsync(subject, day, cancellationToken));
        }

        Forms = forms;
        if (DecisionDay is { } decided && WireNames<DisciplineForm>.TryParse(Form?.Trim() ?? string.Empty, out var form)
            && IsoDate.TryParse(ViolationOn?.Trim() ?? string.Empty, out var violationOn))
        {
            Limitation = await records.LimitationAsync(form, violationOn, decided, cancellationToken);
        }
    }
}
