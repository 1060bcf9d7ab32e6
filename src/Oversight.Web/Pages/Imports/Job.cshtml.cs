using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Oversight.Imports;
using Oversight.Web.Accounts;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Imports;

/// <summary>
/// One import given on the imports page: waiting, then its progress (refreshed every two seconds while it runs),
/// then every error (row and column) or what was written. Seen by the account that gave the file and by administrators.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class JobModel(ImportJobs jobs, IStringLocalizer<Strings> text) : PageModel
{
    /// <summary>How often the page reloads while the job has not finished.</summary>
    public const int RefreshSeconds = 2;

    public ImportJob Job { get; private set; } = null!;

    /// <summary>The outcome, once the job has run.</summary>
    public ImportResult? Result { get; private set; }

    public bool Finished => Job.Status is ImportJobStatus.Succeeded or ImportJobStatus.Failed;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(id, cancellationToken) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        Result = ImportJobs.ResultOf(job);
        return Page();
    }

    /// <summary>An error's message in the reader's language; as the import wrote it when it has no translation.</summary>
    public string Describe(ImportError error) =>
        error.Key is { } key && text[key, [.. error.Arguments]] is { ResourceNotFound: false } translated
            ? translated.Value
            : error.Message;
}
