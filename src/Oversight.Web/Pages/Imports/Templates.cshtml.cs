using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Accounts;
using Oversight.Imports;
using Oversight.Web.Accounts;

namespace Oversight.Web.Pages.Imports;

/// <summary>
/// An import's template, <c>/imports/templates?file=units.xlsx</c>: the header and one example row, as CSV or XLSX.
/// Not found for a file no import has, or one of an administrators' import for any other caller.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TemplatesModel(ImportCatalog catalog, Caller caller) : PageModel
{
    /// <summary>The link to a template: <c>units.csv</c>, <c>people.xlsx</c>.</summary>
    public static string Href(SpreadsheetImport import, TabularFormat format) =>
        $"/imports/templates?file={Uri.EscapeDataString(import.Name)}.{format.Extension()}";

    public IActionResult OnGet(string? file)
    {
        if (file is null
            || catalog.Find(Path.GetFileNameWithoutExtension(file)) is not { } import
            || (import.AdministratorsOnly && !caller.IsAdministrator)
            || TabularFormats.FromFileName(file) is not { } format)
        {
            return NotFound();
        }

        return File(import.Template(format), format.ContentType(), $"{import.Name}.{format.Extension()}");
    }
}
