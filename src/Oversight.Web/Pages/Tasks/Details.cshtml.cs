using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Attachments;
using Oversight.Organisation;
using Oversight.Records;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Tasks;

/// <summary>
/// A follow-up task: what the inspection asked of which unit by when, its progress with the evidence, its history;
/// until the unit reports it done, a form to record progress or report it done; then, for the inspecting body, a form
/// to accept the report or return it with a reason. Each step comes back to the page with its confirmation
/// (post-redirect-get). Not found (404) outside the caller's scope.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 11 * AttachmentSettings.DefaultMaxBytes)]
[RequestSizeLimit(11 * AttachmentSettings.DefaultMaxBytes)]
public sealed class DetailsModel(FollowUpTasks tasks, AccountabilityRegister register, AttachmentSettings attachments, TimeProvider time, IStringLocalizer<Strings> text)
    : RecordFormModel(text)
{
    /// <summary>The largest evidence file accepted, for the form's hint.</summary>
    public long MaxFileBytes => attachments.MaxBytes;

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? PercentComplete { get; set; }

    [BindProperty]
    public bool Done { get; set; }

    [BindProperty]
    public List<IFormFile> Evidence { get; set; } = [];

    /// <summary>Why the inspecting body returns the report, or its remark on accepting it.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The step just taken (progress, reported, accepted, returned), confirmed at the top of the page.</summary>
    [BindProperty(SupportsGet = true, Name = "step")]
    public string? Step { get; set; }

    public FollowUpTaskView View { get; private set; } = null!;

    /// <summary>The task's own changes from the audit trail (its progress is on the page itself).</summary>
    public IReadOnlyList<AuditChangeView> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        On = IsoDate.Format(VietnamTime.Today(time));
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Stamp = View.Task.ConcurrencyStamp;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var percent = Reception.NewModel.Count(PercentComplete, "percentComplete", errors, most: 100);
        var evidence = Evidence.Select(f => new Upload(f.FileName, f.Length, f.OpenReadStream)).ToList();
        return SaveAboutAsync(
            LoadAsync(id, cancellationToken),
            $"/tasks/{id}?step={(Done ? "reported" : "progress")}#progress",
            async () => errors.Count > 0
                ? new RecordResult<FollowUpTask>(null, errors)
                : await tasks.RecordProgressAsync(id, new ProgressRequest(On, Note, percent, Done, evidence), Stamp, cancellationToken));
    }

    /// <summary>The inspecting body accepts the unit's report (<paramref name="accept"/>) or returns it with a reason.</summary>
    public Task<IActionResult> OnPostVerifyAsync(Guid id, bool accept, CancellationToken cancellationToken) =>
        SaveAboutAsync(
            LoadAsync(id, cancellationToken),
            $"/tasks/{id}?step={(accept ? "accepted" : "returned")}#progress",
            () => tasks.VerifyAsync(id, new VerificationRequest(accept, Reason), Stamp, cancellationToken));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await tasks.FindAsync(id, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        Changes = await AuditChanges.OfRecordAsync<FollowUpTask>(register, id, nameof(TaskProgress.TaskId), Localizer, cancellationToken);
        return true;
    }
}
