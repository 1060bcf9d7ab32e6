using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Rules;
using Oversight.Text;
using Oversight.Web.Accounts;

namespace Oversight.Web.Pages.Admin;

/// <summary>
/// Rule packs for administrators: the rules in force on a chosen day (value, unit, citation, the pack that gives it,
/// and whether the value was checked against the legal text), every pack shipped or loaded, and the upload of a new
/// pack, which takes effect on every node without a code change.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(MaxFileBytes + FormOverheadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + FormOverheadBytes)]
public sealed class RulesModel(RuleBook ruleBook, RulePackLoader loader, OversightDbContext db, TimeProvider time) : PageModel
{
    /// <summary>A pack file is a few kilobytes; anything near this is not one.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    private const long FormOverheadBytes = 64 * 1024;

    /// <summary>The day whose rules are shown.</summary>
    public DateOnly On { get; private set; }

    /// <summary>The <c>on</c> query value when it is not a date.</summary>
    public string? InvalidOn { get; private set; }

    public IReadOnlyList<RuleInForce> InForce { get; private set; } = [];

    public IReadOnlyList<RuleSet.Pack> Packs { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The outcome of an upload: what the loader did, or the errors (file and field named).</summary>
    public RulePackLoadResult? Loaded { get; private set; }

    /// <summary>A problem with the form itself (no file, too large).</summary>
    public string? UploadError { get; private set; }

    public async Task OnGetAsync(string? on, CancellationToken cancellationToken) => await ShowAsync(on, cancellationToken);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            UploadError = "Admin.Rules.FileRequired";
        }
        else if (Upload.Length > MaxFileBytes)
        {
            UploadError = "Admin.Rules.FileTooLarge";
        }
        else
        {
            using var reader = new StreamReader(Upload.OpenReadStream());
            Loaded = await loader.LoadAsync(Path.GetFileName(Upload.FileName), await reader.ReadToEndAsync(cancellationToken), cancellationToken);
        }

        await ShowAsync(null, cancellationToken);
    }

    private async Task ShowAsync(string? on, CancellationToken cancellationToken)
    {
        On = VietnamTime.Today(time);
        if (!string.IsNullOrWhiteSpace(on))
        {
            if (IsoDate.TryParse(on.Trim(), out var day))
            {
                On = day;
            }
            else
            {
                InvalidOn = on;
            }
        }

        var rules = await ruleBook.GetAsync(db, cancellationToken);
        InForce = rules.InForce(On);
        Packs = rules.Packs;
    }
}
