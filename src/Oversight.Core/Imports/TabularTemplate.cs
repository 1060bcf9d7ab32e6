using System.Text;
using MiniExcelLibs;

namespace Oversight.Imports;

/// <summary>
/// Writes an import's template: the header and one example row. The XLSX has a second sheet, <c>columns</c>,
/// that says what each column holds; the import reads only the first sheet.
/// </summary>
public static class TabularTemplate
{
    public static byte[] Write(TabularFormat format, string sheetName, IReadOnlyList<ImportColumn> columns) => format switch
    {
        TabularFormat.Csv => WriteCsv(columns),
        _ => WriteXlsx(sheetName, columns),
    };

    private static byte[] WriteCsv(IReadOnlyList<ImportColumn> columns)
    {
        var text = new StringBuilder()
            .Append(string.Join(',', columns.Select(c => Quote(c.Name)))).Append("\r\n")
            .Append(string.Join(',', columns.Select(c => Quote(c.Example)))).Append("\r\n");

        // With the byte order mark, spreadsheets open the file as UTF-8 and show Vietnamese intact.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static byte[] WriteXlsx(string sheetName, IReadOnlyList<ImportColumn> columns)
    {
        var example = new Dictionary<string, object?>();
        foreach (var column in columns)
        {
            example[column.Name] = column.Example;
        }

        var sheets = new Dictionary<string, object>
        {
            [sheetName] = new[] { example },
            ["columns"] = columns.Select(c => new Dictionary<string, object?> { ["column"] = c.Name, ["holds"] = c.Description, ["example"] = c.Example }).ToArray(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
