using Oversight.Exports;

namespace Oversight.Reports;

/// <summary>
/// Writes a report's tables as a workbook: a first sheet naming the report, then one sheet per table of the body and
/// the annex, in order, with the table's columns as the header row.
/// </summary>
public static class XlsxReportWriter
{
    public static void Write(ReportDocument report, Stream output)
    {
        var about = report.English
            ? new ExportTable("Report", ["Item", "Text"], [["Report", $"{report.Kind}: {report.Subject}"], ["Issued", $"{report.Header.Issuer}, {report.Header.PlaceAndDate}"]])
            : new ExportTable("Báo cáo", ["Mục", "Nội dung"], [["Báo cáo", $"{report.Kind}: {report.Subject}"], ["Nơi lập", $"{report.Header.Issuer}, {report.Header.PlaceAndDate}"]]);
        var sheets = report.Tables
            .Select(table => new ExportTable(table.SheetName, table.Columns, table.Rows.Select(row => table.Columns.Select((_, i) => (ExportCell)(i < row.Cells.Count ? row.Cells[i] : null)).ToArray()).ToArray()))
            .Prepend(about)
            .ToArray();
        output.Write(ExportWriter.WriteWorkbook(sheets));
    }
}
