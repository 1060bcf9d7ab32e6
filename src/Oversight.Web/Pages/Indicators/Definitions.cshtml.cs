using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Indicators;

namespace Oversight.Web.Pages.Indicators;

/// <summary>The indicator definitions and validation rules Oversight computes, as the definitions file states them.</summary>
public sealed class DefinitionsModel(IndicatorCatalog catalog) : PageModel
{
    public IndicatorCatalog Catalog => catalog;
}
