using MiniExcelLibs;

namespace Oversight.Reports;

/// <summary>
/// Writes a report's tables as a workbook: a first sheet naming the report, then one sheet per table of the body and
/// the annex, in order, with the table's columns as the header row.
/// </summary>
public static class XlsxReportWriter
{
    private const int SheetNameLength = 31;

    public static void Write(ReportDocument report, Stream output)
    {
        var about = report.English ? ("Report", "Item", "Text") : ("Báo cáo", "Mục", "Nội dung");
        var sheets = new Dictionary<string, object>
        {
            [about.Item1] = new[]
            {
                new Dictionary<string, object?> { [about.Item2] = report.Kind, [about.Item3] = report.Subject },
                new Dictionary<string, object?> { [about.Item2] = report.Header.Issuer, [about.Item3] = report.Header.PlaceAndDate },
            },
        };
        foreach (var table in report.Tables)
        {
            sheets[SheetName(table.SheetName, sheets.Keys)] = table.Rows.Select(row =>
            {
                var cells = new Dictionary<string, object?>();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    cells[table.Columns[i]] = i < row.Cells.Count ? row.Cells[i] : null;
                }

                return cells;
            }).ToArray();
        }

        output.SaveAs(sheets, excelType: ExcelType.XLSX);
    }

    /// <summary>A sheet name a workbook accepts (at most 31 characters, none of []:*?/\), unique among <paramref name="taken"/>.</summary>
    private static string SheetName(string name, IEnumerable<string> taken)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim();
        var candidate = clean[..Math.Min(clean.Length, SheetNameLength)];
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var suffix = 2; used.Contains(candidate); suffix++)
        {
            var tail = $" ({suffix})";
            candidate = clean[..Math.Min(clean.Length, SheetNameLength - tail.Length)] + tail;
        }

        return candidate;
    }
}
