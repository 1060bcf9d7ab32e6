using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Web.Accounts;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Directives;

/// <summary>
/// Enters or corrects an entry of a directive's appendix of manifestations (<see cref="AccountabilityRecords.RecordManifestationAsync"/>);
/// administrators only, as the real text replaces an illustrative catalogue. Opened on an entry (<c>?code=</c>), it shows
/// the entry as it is and corrects that copy.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class NewManifestationModel(AccountabilityRecords records, DirectiveChain chain, IStringLocalizer<Strings> text) : DirectiveFormModel(chain, text)
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (code is not null && await records.FindManifestationAsync(Directive.Symbol, code, cancellationToken) is { } entry)
        {
            (Code, Text, Stamp) = (entry.Code, entry.Text, entry.ConcurrencyStamp);
        }

        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        SaveAboutAsync(
            LoadAsync(id, cancellationToken),
            $"/directives/{id}#directive-manifestations",
            () => records.RecordManifestationAsync(new ManifestationRequest(Directive.Symbol, Code, Text), Stamp, cancellationToken));
}
