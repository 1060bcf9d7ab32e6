using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Petitions;
using Oversight.Reports;
using Oversight.Text;

namespace Oversight.Web.Pages.Cases;

/// <summary>
/// A notice of a case as DOCX or PDF, in Vietnamese or English, named in ASCII by its type, number, symbol and year
/// ("thong-bao-so-3-tb-2026.docx"), so that every mail client and file system keeps the name. Not found (404) for a
/// case, notice or format that does not exist for the caller.
/// </summary>
public sealed class NoticeFileModel(CaseNotices notices) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid noticeId, string? format, string? lang, CancellationToken cancellationToken)
    {
        if (!WireNames<ReportFormat>.TryParse(format, out var chosen) || chosen is not (ReportFormat.Docx or ReportFormat.Pdf) || lang is not ("vi" or "en")
            || await notices.RenderAsync(id, noticeId, lang == "en", cancellationToken) is not var (notice, document))
        {
            return NotFound();
        }

        var content = new MemoryStream();
        ReportWriter.Write(document, chosen, content);
        content.Position = 0;
        var type = CaseNotices.FormOf(notice.Kind).Type.Vi;
        var name = $"{Slug(type)}-so-{notice.Number}-{Slug(notice.Symbol)}-{notice.IssuedYear}{(lang == "en" ? "-en" : "")}.{WireNames<ReportFormat>.ToWire(chosen)}";
        return File(content, ReportWriter.ContentType(chosen), name);
    }

    /// <summary>Lower-case ASCII letters and digits joined by hyphens: "PHIẾU CHUYỂN ĐƠN" is "phieu-chuyen-don".</summary>
    private static string Slug(string text) =>
        string.Join('-', new string(VietnameseText.Fold(text).Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
