using Microsoft.AspNetCore.Mvc;
using Oversight.Exports;
using Oversight.Imports;
using Oversight.Text;

namespace Oversight.Web.Pages;

/// <summary>
/// How a register page offers its rows for download, the same way on every register: links to the page's own address
/// with <c>handler=export</c> and the file's format, and the file they answer with, named after the register and the day.
/// </summary>
public static class RegisterExport
{
    /// <summary>The query parameters an export link sets itself: the page number (an export holds every page), the handler and the format.</summary>
    private static readonly string[] Replaced = ["p", "handler", "file"];

    /// <summary>The address of the export of the list <paramref name="request"/> shows: its filters, in <paramref name="format"/>.</summary>
    public static string Href(HttpRequest request, TabularFormat format) =>
        request.Path + QueryString.Create(request.Query
            .Where(p => !Replaced.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("handler", "export"))
            .Append(new("file", format.Extension())));

    /// <summary>The file of <paramref name="rows"/> in <paramref name="columns"/>, <c>{name}-{today}.xlsx</c> (or <c>.csv</c>), its sheet named <paramref name="title"/>.</summary>
    public static FileContentResult File<TRow>(
        string name, string title, IEnumerable<TRow> rows, IReadOnlyList<ExportColumn<TRow>> columns, TabularFormat format, DateOnly today) =>
        new(ExportWriter.Write(ExportTable.Of(title, rows, columns), format), format.ContentType())
        {
            FileDownloadName = $"{name}-{IsoDate.Format(today)}.{format.Extension()}",
        };
}
