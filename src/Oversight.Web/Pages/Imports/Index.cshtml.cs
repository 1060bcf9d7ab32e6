using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Oversight.Imports;
using Oversight.Web.Accounts;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Imports;

/// <summary>
/// Spreadsheet imports: pick what to import and upload a CSV or XLSX file, which is queued and run in the background
/// (its page, <see cref="JobModel"/>, follows it); a check box runs the checks only. Lists the caller's latest imports
/// and links to each import's templates. Signed-in officers see the imports of their units' registers (cases,
/// reception sessions, dialogue meetings); administrators see every import.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(MaxFileBytes + FormOverheadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + FormOverheadBytes)]
public sealed class IndexModel(ImportJobs jobs, ImportSettings settings, IStringLocalizer<Strings> text) : PageModel
{
    /// <summary>Files larger than this are refused before reading (about a province's people in one file).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private const long FormOverheadBytes = 1024 * 1024;

    public IReadOnlyList<SpreadsheetImport> Imports => jobs.Available;

    /// <summary>The most data rows a file may have (<see cref="ImportSettings.MaxRows"/>); a longer one fails when its job runs.</summary>
    public int MaxRows => settings.MaxRows;

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool DryRun { get; set; }

    /// <summary>Problems with the form itself, each with the id of its field.</summary>
    public List<(string? Field, string Message)> FormErrors { get; } = [];

    /// <summary>The caller's latest imports, newest first.</summary>
    public IReadOnlyList<ImportJob> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Recent = await jobs.RecentAsync(10, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var import = Imports.FirstOrDefault(i => string.Equals(i.Name, Kind, StringComparison.OrdinalIgnoreCase));
        if (import is null)
        {
            FormErrors.Add(($"kind-{Imports[0].Name}", text["Imports.KindRequired"]));
        }

        if (Upload is null || Upload.Length == 0)
        {
            FormErrors.Add(("upload", text["Imports.FileRequired"]));
        }
        else if (Upload.Length > MaxFileBytes)
        {
            FormErrors.Add(("upload", text["Imports.FileTooLarge", MaxFileBytes / (1024 * 1024)]));
        }

        if (FormErrors.Count > 0)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        // The form's reader keeps a file of more than 64 KiB in a temporary file, not in memory; it goes from there to the database.
        await using var content = Upload!.OpenReadStream();
        var job = await jobs.QueueAsync(import!.Name, Path.GetFileName(Upload.FileName), content, DryRun, cancellationToken);
        return RedirectToPage("/Imports/Job", new { id = job!.Id });
    }
}
