using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Imports;
using Oversight.Web.Accounts;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Imports;

/// <summary>
/// Spreadsheet imports: pick what to import, upload a CSV or XLSX file, and see every error (row and column) or what
/// was written; a check box runs the checks only. Links to each import's templates. Signed-in officers see the
/// imports of their units' registers (cases, reception sessions, dialogue meetings); administrators see every import.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(MaxFileBytes + FormOverheadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + FormOverheadBytes)]
public sealed class IndexModel(ImportCatalog catalog, Caller caller, IStringLocalizer<Strings> text) : PageModel
{
    /// <summary>Files larger than this are refused before reading (about a province's people in one file).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private const long FormOverheadBytes = 1024 * 1024;

    public IReadOnlyList<SpreadsheetImport> Imports => catalog.All.Where(i => !i.AdministratorsOnly || caller.IsAdministrator).ToArray();

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool DryRun { get; set; }

    /// <summary>Problems with the form itself, each with the id of its field.</summary>
    public List<(string? Field, string Message)> FormErrors { get; } = [];

    /// <summary>The outcome of the import, once a file was posted.</summary>
    public ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>An error's message in the reader's language; as the import wrote it when it has no translation.</summary>
    public string Describe(ImportError error) =>
        error.Key is { } key && text[key, [.. error.Arguments]] is { ResourceNotFound: false } translated
            ? translated.Value
            : error.Message;

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
            return Page();
        }

        await using var content = Upload!.OpenReadStream();
        Result = await import!.ImportAsync(Path.GetFileName(Upload.FileName), content, DryRun, cancellationToken);
        return Page();
    }
}
