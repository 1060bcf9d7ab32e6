using Oversight.Exports;

namespace Oversight.Imports;

/// <summary>
/// Writes an import's template: the header and one example row. The XLSX has a second sheet, <c>columns</c>,
/// that says what each column holds; the import reads only the first sheet.
/// </summary>
public static class TabularTemplate
{
    public static byte[] Write(TabularFormat format, string sheetName, IReadOnlyList<ImportColumn> columns)
    {
        var template = new ExportTable(sheetName, columns.Select(c => c.Name).ToArray(), [columns.Select(c => (ExportCell)c.Example).ToArray()]);
        return format == TabularFormat.Csv
            ? ExportWriter.Write(template, format)
            : ExportWriter.WriteWorkbook([
                template,
                new ExportTable("columns", ["column", "holds", "example"], columns.Select(c => new ExportCell[] { c.Name, c.Description, c.Example }).ToArray()),
            ]);
    }
}
