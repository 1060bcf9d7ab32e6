using System.Net;
using System.Text;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Oversight.Imports;
using Oversight.Tests.Web;

namespace Oversight.Tests.Exports;

/// <summary>An exported file opened as a reader opens it: its header and its rows of cells.</summary>
/// <param name="Headers">The header row's names, in order.</param>
/// <param name="Rows">
/// Each row's cells by column: from CSV, the text (null when empty); from XLSX, a string, a <see cref="double"/> or a
/// <see cref="DateTime"/> as a spreadsheet reads it (null when empty).
/// </param>
internal sealed record ExportedTable(IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows)
{
    /// <summary>The cells of one column, by its header.</summary>
    public object?[] Column(string header)
    {
        var index = Headers.ToList().IndexOf(header);
        Assert.True(index >= 0, $"no column '{header}' in {string.Join(", ", Headers)}");
        return Rows.Select(r => r[index]).ToArray();
    }

    /// <summary>Every text cell and header, to look for what must not be there.</summary>
    public IEnumerable<string> Texts => Headers.Concat(Rows.SelectMany(r => r.OfType<string>()));
}

/// <summary>
/// Downloads exports as a signed-in reader does and opens them: through the project's own reader (CSV, XLSX values)
/// and the Open XML SDK (XLSX validity, styles and layout).
/// </summary>
internal static class ExportFiles
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The addresses of a register page's download links, XLSX first.</summary>
    public static string[] Links(IDocument page) => page.QuerySelectorAll("p.exports a").Select(a => a.GetAttribute("href")!).ToArray();

    /// <summary>Downloads a file: 200, an attachment of <paramref name="mediaType"/>; its name and bytes.</summary>
    public static async Task<(string FileName, byte[] Content)> DownloadAsync(HttpClient client, string url, string mediaType)
    {
        using var response = await client.GetAsync(url, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        return (disposition.FileNameStar ?? disposition.FileName!, await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    /// <summary>Downloads an XLSX export and reads it (<see cref="ReadXlsxAsync"/>).</summary>
    public static async Task<ExportedTable> XlsxAsync(PageSession session, string url) =>
        await ReadXlsxAsync((await DownloadAsync(session.Client, url, Xlsx)).Content);

    /// <summary>Downloads a CSV export and reads it (<see cref="ReadCsvAsync"/>).</summary>
    public static async Task<ExportedTable> CsvAsync(PageSession session, string url) =>
        await ReadCsvAsync((await DownloadAsync(session.Client, url, "text/csv")).Content);

    /// <summary>Reads a CSV export, checking that it starts with the UTF-8 byte order mark.</summary>
    public static async Task<ExportedTable> ReadCsvAsync(byte[] content)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), content.Take(3));
        return Read("export.csv", content);
    }

    /// <summary>Reads an XLSX export's values, checking that the workbook is valid and has the layout of every export: one sheet, its header row bold and frozen.</summary>
    public static async Task<ExportedTable> ReadXlsxAsync(byte[] content)
    {
        using (var document = SpreadsheetDocument.Open(new MemoryStream(content), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            var workbook = document.WorkbookPart!;
            var sheet = Assert.Single(workbook.WorksheetParts).Worksheet;
            var pane = sheet.Descendants<Pane>().Single();
            Assert.Equal((1d, PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.State!.Value));
            var header = sheet.Descendants<Row>().First();
            Assert.All(header.Elements<Cell>(), cell => Assert.True(IsBold(workbook, cell), $"header cell {cell.CellReference} is not bold"));
            Assert.All(sheet.Descendants<Row>().Skip(1).SelectMany(r => r.Elements<Cell>()), cell => Assert.False(IsBold(workbook, cell)));
        }

        return Read("export.xlsx", content);
    }

    /// <summary>The cell at <paramref name="reference"/> (<c>B2</c>) of an XLSX export, with the number format its style gives it (<c>General</c> when none).</summary>
    public static (Cell Cell, string Format) XlsxCell(byte[] content, string reference)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        var workbook = document.WorkbookPart!;
        var cell = workbook.WorksheetParts.Single().Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        var formatId = CellFormatOf(workbook, cell)?.NumberFormatId?.Value ?? 0;
        var format = workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId! == formatId)?.FormatCode?.Value
            ?? (formatId == 0 ? "General" : $"built-in {formatId}");
        return ((Cell)cell.CloneNode(true), format);
    }

    private static ExportedTable Read(string fileName, byte[] content)
    {
        var read = TabularReader.Read(fileName, new MemoryStream(content), [], ImportSettings.DefaultMaxRows, Cancel);
        Assert.Empty(read.Errors);
        var table = read.Table!;
        return new ExportedTable(table.Columns, table.Rows.Select(row => table.Columns.Select(c => Blank(row[c])).ToArray()).ToArray());
    }

    private static object? Blank(object? cell) => cell is string { Length: 0 } ? null : cell;

    private static bool IsBold(WorkbookPart workbook, Cell cell) =>
        CellFormatOf(workbook, cell) is { FontId: { } fontId }
        && workbook.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)fontId.Value).Bold is not null;

    private static CellFormat? CellFormatOf(WorkbookPart workbook, Cell cell) =>
        workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAtOrDefault((int)(cell.StyleIndex?.Value ?? 0));
}
