using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Indicators;
using Oversight.Reports;
using Oversight.Text;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Indicators;

namespace Oversight.Web.Pages.Reports;

/// <summary>
/// The inspection / progress report of a unit's subtree for a period: previewed in the page, and downloaded as DOCX,
/// PDF, XLSX or HTML in Vietnamese or English.
/// </summary>
public sealed class IndexModel(InspectionReport reports, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text, IndicatorCatalog catalog)
    : IndicatorFormModel(scope, caller, time, text, catalog)
{
    [BindProperty(SupportsGet = true, Name = "lang")]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    public ReportDocument? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ReadQueryAsync(cancellationToken) is not { } query)
        {
            return Page();
        }

        var english = Language is null ? English : Language == "en";
        ReportFormat? format = null;
        if (!string.IsNullOrWhiteSpace(Format))
        {
            format = WireNames<ReportFormat>.TryParse(Format, out var parsed) ? parsed : null;
            if (format is null)
            {
                FormErrors.Add(("format", Text["Cases.Filter.NotAChoice"]));
                return Page();
            }
        }

        Report = await reports.BuildAsync(query.UnitCode, query.From, query.To, english, cancellationToken: cancellationToken);
        if (Report is null)
        {
            UnitNotFound(query.To);
            return Page();
        }

        if (format is not { } chosen)
        {
            return Page();
        }

        var content = new MemoryStream();
        ReportWriter.Write(Report, chosen, content);
        content.Position = 0;
        var name = $"bao-cao-{query.UnitCode}-{IsoDate.Format(query.From)}-{IsoDate.Format(query.To)}-{(english ? "en" : "vi")}.{WireNames<ReportFormat>.ToWire(chosen)}";
        return File(content, ReportWriter.ContentType(chosen), name);
    }
}
