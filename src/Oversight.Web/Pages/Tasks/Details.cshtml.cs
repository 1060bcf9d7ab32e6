using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Attachments;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Text;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Cases;
using Oversight.Web.Pages.Reception;

namespace Oversight.Web.Pages.Tasks;

/// <summary>
/// A follow-up task: what the inspection asked of which unit by when, its progress with the evidence, and — until it
/// is done — a form to record progress or finish it (post-redirect-get). Not found (404) outside the caller's scope.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 11 * AttachmentSettings.DefaultMaxBytes)]
[RequestSizeLimit(11 * AttachmentSettings.DefaultMaxBytes)]
public sealed class DetailsModel(FollowUpTasks tasks, AttachmentSettings attachments, TimeProvider time, IStringLocalizer<Strings> text) : PageModel
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

    public FollowUpTaskView View { get; private set; } = null!;

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public IReadOnlyList<(string? Field, string Message)> Summary => text.Summary(Errors);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field) is { } error ? text.Error(error) : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        On = IsoDate.Format(VietnamTime.Today(time));
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var percent = Reception.NewModel.Count(PercentComplete, "percentComplete", errors, most: 100);
        var result = errors.Count > 0
            ? new RecordResult<FollowUpTask>(null, errors)
            : await tasks.RecordProgressAsync(
                id,
                new ProgressRequest(On, Note, percent, Done, Evidence.Select(f => new Upload(f.FileName, f.Length, f.OpenReadStream)).ToList()),
                cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            return RedirectToPage("/Tasks/Details", null, new { id }, "progress");
        }

        Errors = result.Errors;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await tasks.FindAsync(id, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }
}
