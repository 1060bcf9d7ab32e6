using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Oversight.Imports;
using Oversight.Text;

namespace Oversight.Exports;

/// <summary>
/// The one way Oversight writes a table for download: CSV (UTF-8 with a byte order mark, RFC 4180, days as
/// <c>2024-07-19</c>, numbers with a full stop) or XLSX (one sheet of typed cells: days as dates, numbers as numbers,
/// a bold header row that stays in view and filters the columns); several tables as a workbook of such sheets.
/// </summary>
/// <remarks>
/// A CSV text cell that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading
/// apostrophe, so that a spreadsheet opening the file does not run what a citizen wrote as a formula (OWASP
/// "CSV injection"); XLSX text cells are text and never run.
/// </remarks>
public static class ExportWriter
{
    /// <summary>The file of <paramref name="table"/> in <paramref name="format"/>.</summary>
    public static byte[] Write(ExportTable table, TabularFormat format) => format switch
    {
        TabularFormat.Csv => WriteCsv(table),
        _ => WriteXlsx(table),
    };

    private static byte[] WriteCsv(ExportTable table)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', table.Headers.Select(Quote)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.AppendJoin(',', row.Select(CsvValue)).Append("\r\n");
        }

        // With the byte order mark, spreadsheets open the file as UTF-8 and show Vietnamese intact.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string CsvValue(ExportCell cell) => cell.Kind switch
    {
        ExportCellKind.Text => Quote(cell.Text!.Length > 0 && cell.Text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell.Text : cell.Text),
        ExportCellKind.Integer => ((long)cell.Number).ToString(CultureInfo.InvariantCulture),
        ExportCellKind.Decimal => cell.Number.ToString(CultureInfo.InvariantCulture),
        ExportCellKind.Date => IsoDate.Format(cell.Date),
        _ => string.Empty,
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    // The cell formats of the workbook's styles, in the order Styles() lists them.
    private const uint HeaderStyle = 1;
    private const uint IntegerStyle = 2;
    private const uint DecimalStyle = 3;
    private const uint DateStyle = 4;

    /// <summary>A spreadsheet's day 0: days are counted from 30 Dec 1899.</summary>
    private static readonly int SpreadsheetEpoch = new DateOnly(1899, 12, 30).DayNumber;

    /// <summary>The most characters a spreadsheet cell holds.</summary>
    private const int CellTextLimit = 32_767;

    /// <summary>A workbook with one sheet per table, in order, each as <see cref="Write"/> writes one (sheet names made unique).</summary>
    public static byte[] WriteWorkbook(IReadOnlyList<ExportTable> tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = new Sheets();
            var filters = new DefinedNames();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (table, index) in tables.Select((t, i) => (t, i)))
            {
                var sheetName = UniqueSheetName(table.Name, names);
                var part = workbook.AddNewPart<WorksheetPart>();
                var lastCell = WriteSheet(part, table, selected: index == 0);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)index + 1, Name = sheetName });
                filters.Append(new DefinedName($"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:{lastCell}")
                {
                    Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)index, Hidden = true,
                });
            }

            workbook.Workbook = new Workbook(sheets, filters);
        }

        return stream.ToArray();
    }

    private static byte[] WriteXlsx(ExportTable table) => WriteWorkbook([table]);

    /// <summary>Writes one table's sheet; the reference of its last cell (<c>$H$101</c>), for its filter.</summary>
    private static string WriteSheet(WorksheetPart sheet, ExportTable table, bool selected)
    {
        var columns = table.Headers.Select((_, i) => TabularReader.ColumnLetter(i)).ToArray();
        var (lastColumn, lastRow) = (columns[^1], table.Rows.Count + 1);

        // Written as a stream of elements: a DOM of a hundred thousand rows would take several times the file's size.
        using var writer = OpenXmlWriter.Create(sheet);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new("A2")]) })
        {
            TabSelected = selected, WorkbookViewId = 0,
        }));
        writer.WriteElement(new Columns(Widths(table).Select((width, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, columns, table.Headers.Select(h => (ExportCell)h).ToArray(), HeaderStyle);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            WriteRow(writer, i + 2, columns, table.Rows[i], null);
        }

        writer.WriteEndElement();
        writer.WriteElement(new AutoFilter { Reference = $"A1:{lastColumn}{lastRow}" });
        writer.WriteEndElement();
        return $"${lastColumn}${lastRow}";
    }

    private static void WriteRow(OpenXmlWriter writer, int number, string[] columns, ExportCell[] cells, uint? textStyle)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            var reference = $"{columns[i]}{number}";
            switch (cell.Kind)
            {
                case ExportCellKind.Text:
                    writer.WriteElement(new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(CellText(cell.Text!)) { Space = SpaceProcessingModeValues.Preserve }))
                    {
                        CellReference = reference, DataType = CellValues.InlineString, StyleIndex = textStyle,
                    });
                    break;
                case ExportCellKind.Integer or ExportCellKind.Decimal:
                    writer.WriteElement(new Cell(new CellValue(cell.Number)) { CellReference = reference, StyleIndex = cell.Kind == ExportCellKind.Integer ? IntegerStyle : DecimalStyle });
                    break;
                case ExportCellKind.Date:
                    writer.WriteElement(new Cell(new CellValue(cell.Date.DayNumber - SpreadsheetEpoch)) { CellReference = reference, StyleIndex = DateStyle });
                    break;
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>The formats the cells use: 0 plain, 1 bold (the header), 2 a count (<c>#,##0</c>), 3 a number with two decimals, 4 a day (<c>yyyy-mm-dd</c>).</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 3, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 4, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }) { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>Each column as wide as its longest value or header (in characters, a little more for the bold header), between 8 and 60.</summary>
    private static int[] Widths(ExportTable table) => table.Headers
        .Select((header, i) => Math.Clamp(
            Math.Max(header.Length + 3, table.Rows.Select(row => row[i] switch
            {
                { Kind: ExportCellKind.Text } text => text.Text!.Length,
                { Kind: ExportCellKind.Integer or ExportCellKind.Decimal } number => number.Number.ToString("#,##0.00", CultureInfo.InvariantCulture).Length,
                { Kind: ExportCellKind.Date } => 10,
                _ => 0,
            } + 2).DefaultIfEmpty(0).Max()),
            8,
            60))
        .ToArray();

    /// <summary>
    /// A sheet's name as spreadsheets accept it — at most 31 characters, none of <c>: \ / ? * [ ]</c>, not starting or
    /// ending with an apostrophe — and not among <paramref name="taken"/> (a number is added), which it joins.
    /// </summary>
    private static string UniqueSheetName(string name, HashSet<string> taken)
    {
        var cleaned = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c).ToArray()).Trim().Trim('\'');
        cleaned = cleaned.Length > 0 ? cleaned : "Sheet1";
        var candidate = cleaned.Length > 31 ? cleaned[..31].TrimEnd() : cleaned;
        for (var number = 2; !taken.Add(candidate); number++)
        {
            var suffix = $" ({number})";
            candidate = (cleaned.Length > 31 - suffix.Length ? cleaned[..(31 - suffix.Length)].TrimEnd() : cleaned) + suffix;
        }

        return candidate;
    }

    /// <summary>Text a cell can hold: without the control characters XML forbids, and within a cell's limit.</summary>
    private static string CellText(string text)
    {
        if (text.Any(c => !XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)))
        {
            text = new string(text.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)).ToArray());
        }

        return text.Length > CellTextLimit ? text[..CellTextLimit] : text;
    }
}
