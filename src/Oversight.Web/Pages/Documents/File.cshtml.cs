using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Documents;
using Oversight.Reports;
using Oversight.Text;

namespace Oversight.Web.Pages.Documents;

/// <summary>
/// A version of a document (the latest when none is named) as DOCX, PDF, XLSX or HTML, in Vietnamese or English, named
/// by its kind, number and inspection. Not found (404) for a document, version or format that does not exist for the caller.
/// </summary>
public sealed class FileModel(InspectionDocuments documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? format, string? lang, int? version, CancellationToken cancellationToken)
    {
        if (!WireNames<ReportFormat>.TryParse(format, out var chosen) || lang is not ("vi" or "en")
            || await documents.FindAsync(id, cancellationToken) is not { } view
            || await documents.RenderAsync(view, version, lang == "en", cancellationToken) is not { } rendered)
        {
            return NotFound();
        }

        var content = new MemoryStream();
        ReportWriter.Write(rendered, chosen, content);
        content.Position = 0;
        var document = view.Document;
        var number = document.Number is { } n ? $"so-{n}-" : "du-thao-";
        var name = $"{WireNames<DocumentKind>.ToWire(document.Kind)}-{number}{view.Inspection.Reference}-v{version ?? view.Latest.Sequence}-{lang}.{WireNames<ReportFormat>.ToWire(chosen)}";
        return File(content, ReportWriter.ContentType(chosen), name);
    }
}
