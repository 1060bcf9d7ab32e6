using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Attachments;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Records;
using Oversight.Text;
using Oversight.Web.Localization;
using Oversight.Web.Petitions;

namespace Oversight.Web.Pages.Cases;

/// <summary>
/// A case as a guide to handling it: first the step its status calls for next, open, and the other lawful steps folded
/// away; then its facts and deadlines with the rules that set them, in words, its files, its timeline and the notices
/// sent to the citizen. Each form carries the case's concurrency stamp, so a form read before someone else's change is
/// refused with "changed meanwhile"; a step that succeeds redirects back here with its confirmation
/// (post-redirect-get). Issuing a notice is a step too, and the page then names the notice issued. Not found (404)
/// outside the caller's scope.
/// </summary>
/// <remarks>
/// A denouncer's identity is never on the page. The readers the rule pack names get a form asking why they need it;
/// sending it (a POST) reveals the identity, audited with the reason, on that one response only, which is not cached.
/// </remarks>
[RequestFormLimits(MultipartBodyLengthLimit = 11 * AttachmentSettings.DefaultMaxBytes)]
[RequestSizeLimit(11 * AttachmentSettings.DefaultMaxBytes)]
public sealed class DetailsModel(
    CaseWorkflow workflow,
    CaseNotices notices,
    DenouncerIdentity identity,
    CaseResponses responses,
    UserManager<OversightUser> users,
    AttachmentSettings attachments,
    TimeProvider time,
    IStringLocalizer<Strings> text) : PageModel
{
    /// <summary>The fields of each step's form, by the names the workflow gives them in its errors.</summary>
    private static readonly Dictionary<string, string[]> StepFields = new()
    {
        ["accept"] = ["on"],
        ["assign"] = ["on", "assignee"],
        ["extend"] = ["on", "reason", "decision"],
        ["forward"] = ["on", "forwardedTo", "guidance"],
        ["reject"] = ["on", "reason"],
        ["withdraw"] = ["on", "note"],
        ["resolve"] = ["on", "outcome"],
        ["note"] = ["note"],
        ["attach"] = ["files", "note"],
        ["repeat"] = ["repeatOf"],
        ["reveal"] = ["reason"],
        [NoticeStep(NoticeKind.Acceptance)] = NoticeFields(),
        [NoticeStep(NoticeKind.AppointmentSlip)] = NoticeFields("appointmentOn", "text"),
        [NoticeStep(NoticeKind.Forwarding)] = NoticeFields("recipient", "text"),
        [NoticeStep(NoticeKind.Refusal)] = NoticeFields("text", "legalGround"),
        [NoticeStep(NoticeKind.ResolutionDecision)] = NoticeFields("text", "legalGround"),
    };

    /// <summary>The steps of the case's forms, the workflow's first.</summary>
    private static readonly string[] Steps = ["accept", "assign", "resolve", "extend", "forward", "reject", "withdraw", "note", "attach", "repeat"];

    [BindProperty]
    public Guid? Stamp { get; set; }

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public bool Complex { get; set; }

    [BindProperty]
    public bool RemoteArea { get; set; }

    [BindProperty]
    public string? Assignee { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? ForwardedTo { get; set; }

    [BindProperty]
    public string? Guidance { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public bool Public { get; set; }

    [BindProperty]
    public string? RepeatOf { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public string? NoticeKindName { get; set; }

    [BindProperty]
    public string? IssuedOn { get; set; }

    [BindProperty]
    public string? SignerTitle { get; set; }

    [BindProperty]
    public string? SignerName { get; set; }

    [BindProperty]
    public string? Recipient { get; set; }

    [BindProperty]
    public string? NoticeText { get; set; }

    [BindProperty]
    public string? LegalGround { get; set; }

    [BindProperty]
    public string? AppointmentOn { get; set; }

    /// <summary>The step just taken, confirmed at the top of the page after the redirect.</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    /// <summary>The notice just issued, named in the confirmation after the redirect.</summary>
    [BindProperty(SupportsGet = true, Name = "notice")]
    public Guid? IssuedNotice { get; set; }

    public CitizenCase? Case { get; private set; }

    /// <summary>The notices sent to the citizen, in the order they were issued.</summary>
    public IReadOnlyList<NoticeEntry> Notices { get; private set; } = [];

    /// <summary>The kinds of notice the case allows now, each with a form.</summary>
    public IReadOnlyList<NoticeKind> OpenNotices { get; private set; } = [];

    /// <summary>The case as the API describes it: unit name, overdue and protracted as of today.</summary>
    public CaseResponse? View { get; private set; }

    public string? AssigneeName { get; private set; }

    /// <summary>The accounts the caller may give the case to.</summary>
    public IReadOnlyList<Assignee> Assignees { get; private set; } = [];

    /// <summary>The rules that set the case's time limits, as they were in force when each clock started.</summary>
    public IReadOnlyList<(CaseClock Clock, Oversight.Rules.RuleInForce Rule)> DeadlineRules { get; private set; } = [];

    /// <summary>The files kept with the case, by the step that kept them.</summary>
    public ILookup<Guid, Oversight.Attachments.Attachment> StepFiles { get; private set; } = Enumerable.Empty<Oversight.Attachments.Attachment>().ToLookup(a => a.RecordId);

    /// <summary>Whether the caller may open the files: a denunciation's only by the readers allowed to reveal the denouncer.</summary>
    public bool MayOpenFiles => Case?.ProtectedIdentity is null || MayReveal;

    /// <summary>The names of the accounts that took the timeline's steps, by user name.</summary>
    public IReadOnlyDictionary<string, string> ActorNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The largest file accepted, for the form's hint.</summary>
    public long MaxFileBytes => attachments.MaxBytes;

    /// <summary>The earlier case this one repeats, when the caller may see it.</summary>
    public CitizenCase? Repeats { get; private set; }

    public bool MayReveal { get; private set; }

    /// <summary>The denouncer's identity, on the response to the reveal button only.</summary>
    public PetitionerDetails? Revealed { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The step whose form was posted and refused; its fields keep what was typed.</summary>
    public string? FailedStep { get; private set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>The errors as the summary lists them, each linking to its field in the refused form.</summary>
    public IReadOnlyList<(string? Field, string Message)> Summary =>
        Errors.Select(e => (FailedStep is { } step && StepFields[step].Contains(e.Field) ? FieldId(step, e.Field) : null, text.SummaryLine(e))).ToList();

    public static string FieldId(string step, string field) => $"{step}-{field}";

    /// <summary>The step name of the form that issues a kind of notice.</summary>
    public static string NoticeStep(NoticeKind kind) => $"notice-{WireNames<NoticeKind>.ToWire(kind)}";

    private static string[] NoticeFields(params string[] own) => ["issuedOn", "signerTitle", "signerName", .. own];

    /// <summary>The error of a field in a step's form, translated; null when it has none.</summary>
    public string? ErrorFor(string step, string field) =>
        FailedStep == step && Errors.FirstOrDefault(e => e.Field == field) is { } error ? text.Error(error) : null;

    /// <summary>What the form shows in a field: what was typed when this form was refused, else the default.</summary>
    public string? Posted(string step, string? posted, string? otherwise = null) => FailedStep == step ? posted : otherwise;

    /// <summary>
    /// The step the case's status calls for next (accept a new case, give an accepted one to an officer, resolve one
    /// under consideration); none once it is closed.
    /// </summary>
    public IReadOnlyList<string> NextSteps => Case?.Status switch
    {
        CaseStatus.Received => ["accept"],
        CaseStatus.Accepted => ["assign"],
        CaseStatus.UnderConsideration => ["resolve"],
        _ => [],
    };

    /// <summary>Every other step the case allows now, folded under the next: the workflow's first, then notes, files and repeats.</summary>
    public IReadOnlyList<string> OtherSteps => Steps.Where(Allows).Except(NextSteps).ToList();

    /// <summary>The step just taken, when it names one: the page confirms it.</summary>
    public string? Confirmed => Done is { } step && Steps.Contains(step) ? step : null;

    /// <summary>Whether the case's status allows the step (the workflow checks again).</summary>
    public bool Allows(string step) => Case is { } c && step switch
    {
        "accept" or "forward" or "reject" => c.Status == CaseStatus.Received,
        "assign" or "withdraw" => c.IsOpen,
        "extend" or "resolve" => c.Status is CaseStatus.Accepted or CaseStatus.UnderConsideration,
        "note" or "attach" or "repeat" => true,
        _ => false,
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, "accept", on => workflow.AcceptAsync(id, on, Complex, RemoteArea, Stamp, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, "assign", on => workflow.AssignAsync(id, on, Assignee?.Trim() ?? string.Empty, Stamp, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, "extend", on => workflow.ExtendAsync(id, on, Reason, Decision, Stamp, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostForwardAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, "forward", on => workflow.ForwardAsync(id, on, ForwardedTo, Guidance, Stamp, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, "reject", on => workflow.RejectAsync(id, on, Reason, Stamp, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, "withdraw", on => workflow.WithdrawAsync(id, on, Note, Stamp, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostResolveAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, "resolve", on => workflow.ResolveAsync(id, on, Outcome, Stamp, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, "note", _ => workflow.NoteAsync(id, Note, Public, Stamp, cancellationToken), cancellationToken, dated: false);

    public Task<IActionResult> OnPostAttachAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, "attach", _ => workflow.AttachAsync(id, Note, Files.Select(f => new Upload(f.FileName, f.Length, f.OpenReadStream)).ToList(), Stamp, cancellationToken), cancellationToken, dated: false);

    public Task<IActionResult> OnPostRepeatAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, "repeat", _ => workflow.MarkRepeatAsync(id, RepeatOf, Stamp, cancellationToken), cancellationToken, dated: false);

    public async Task<IActionResult> OnPostNoticeAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = new NoticeRequest(NoticeKindName, IssuedOn, SignerTitle, SignerName, Recipient, NoticeText, LegalGround, AppointmentOn);
        var result = await notices.IssueAsync(id, request, Stamp, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/cases/{id}?notice={result.Record!.Id}#notices");
        }

        if (await LoadAsync(id, cancellationToken) && !result.NotFound)
        {
            FailedStep = WireNames<NoticeKind>.TryParse(NoticeKindName, out var kind) ? NoticeStep(kind) : null;
            Errors = result.Errors;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return Page();
        }

        var reveal = await identity.RevealAsync(Case!, Reason, cancellationToken);
        if (reveal.Forbidden)
        {
            return Forbid();
        }

        Response.Headers.CacheControl = "no-store";
        Revealed = reveal.Details;
        if (Revealed is null)
        {
            FailedStep = "reveal";
            Errors = reveal.Errors;
        }

        return Page();
    }

    private async Task<IActionResult> StepAsync(Guid id, string step, Func<DateOnly, Task<CaseResult>> act, CancellationToken cancellationToken, bool dated = true)
    {
        var on = VietnamTime.Today(time);
        CaseResult result;
        if (dated && string.IsNullOrWhiteSpace(On))
        {
            result = CaseResult.Invalid(RecordMessages.Required.For("on"));
        }
        else if (dated && !IsoDate.TryParse(On!.Trim(), out on))
        {
            result = CaseResult.Invalid(RecordMessages.NotADate.For("on", On));
        }
        else
        {
            result = await act(on);
        }

        if (result.Succeeded)
        {
            return RedirectToPage("/Cases/Details", null, new { id, done = step }, "done");
        }

        if (await LoadAsync(id, cancellationToken))
        {
            FailedStep = step;
            Errors = result.Errors;
        }

        return Page();
    }

    /// <summary>Loads the case and what its page shows; false (and 404) when it does not exist for the caller.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Today = VietnamTime.Today(time);
        Case = await workflow.FindAsync(id, cancellationToken);
        if (Case is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        View = await responses.ForAsync(Case, cancellationToken);
        if (Case.AssigneeUserId is { } assignee && await users.FindByIdAsync(assignee) is { } user)
        {
            AssigneeName = user.DisplayName ?? user.UserName;
        }

        if (Case.RepeatOfCaseId is { } earlier)
        {
            Repeats = await workflow.FindAsync(earlier, cancellationToken);
        }

        MayReveal = await identity.MayRevealAsync(Case, cancellationToken);
        Assignees = Case.IsOpen ? await workflow.AssigneesAsync(Case, cancellationToken) : [];
        DeadlineRules = await workflow.DeadlineRulesAsync(Case, cancellationToken);
        StepFiles = await workflow.FilesAsync(Case, cancellationToken);
        var actors = Case.Steps.Select(s => s.Actor).Distinct().ToList();
        ActorNames = await users.Users.Where(u => actors.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName ?? u.UserName!, cancellationToken);
        Notices = await notices.OfCaseAsync(Case, cancellationToken);
        OpenNotices = CaseNotices.Open(Case, Notices.Select(n => n.Notice));
        return true;
    }
}
