using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Imports;
using Oversight.Organisation;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Directives;

/// <summary>The directives, newest first.</summary>
public sealed class IndexModel(DirectiveChain chain, TimeProvider time, IStringLocalizer<Strings> text) : PageModel
{
    public IReadOnlyList<Directive> Directives { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Directives = await chain.ListAsync(cancellationToken);

    /// <summary>Every directive, as XLSX or CSV (there are never more than an export holds: a few a year).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? file, CancellationToken cancellationToken)
    {
        if (TabularFormats.FromExtension(file) is not { } format)
        {
            return NotFound();
        }

        return RegisterExport.File<Directive>(
            "directives",
            text["Directives.Register.Title"],
            await chain.ListAsync(cancellationToken),
            [
                new(text["Directives.Field.Symbol"], directive => directive.Symbol),
                new(text["Directives.Field.IssuedOn"], directive => directive.IssuedOn),
                new(text["Directives.Field.IssuingBody"], directive => directive.IssuingBody),
                new(text["Directives.Field.Title"], directive => directive.Title),
                new(text["Directives.Field.DisseminationDueOn"], directive => directive.DisseminationDueOn),
            ],
            format,
            VietnamTime.Today(time));
    }
}
