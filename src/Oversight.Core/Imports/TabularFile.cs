using System.Collections.Frozen;
using System.Text;
using MiniExcelLibs;
using Oversight.Text;

namespace Oversight.Imports;

/// <summary>The spreadsheet formats Oversight reads and writes.</summary>
public enum TabularFormat
{
    Csv,
    Xlsx,
}

public static class TabularFormats
{
    /// <summary>The format a file's extension names (<c>.csv</c>, <c>.xlsx</c>); null for anything else.</summary>
    public static TabularFormat? FromFileName(string fileName) => FromExtension(Path.GetExtension(fileName).TrimStart('.'));

    /// <summary>The format an extension without its dot names (<c>csv</c>, <c>xlsx</c>, in any case); null for anything else.</summary>
    public static TabularFormat? FromExtension(string? extension) => extension?.Trim().ToLowerInvariant() switch
    {
        "csv" => TabularFormat.Csv,
        "xlsx" => TabularFormat.Xlsx,
        _ => null,
    };

    public static string Extension(this TabularFormat format) => format == TabularFormat.Csv ? "csv" : "xlsx";

    public static string ContentType(this TabularFormat format) => format == TabularFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>
/// One data row of a spreadsheet: its number as the spreadsheet shows it (the header is row 1) and its cells by
/// column name. A cell holds a string, or, from XLSX, a number (<see cref="double"/>), a date
/// (<see cref="DateTime"/>) or a <see cref="bool"/>; a blank cell is null. Read typed values with
/// <see cref="RowCells"/>.
/// </summary>
public sealed class TabularRow
{
    private readonly FrozenDictionary<string, int> columns;
    private readonly object?[] cells;

    internal TabularRow(string file, int number, FrozenDictionary<string, int> columns, object?[] cells)
    {
        File = file;
        Number = number;
        this.columns = columns;
        this.cells = cells;
    }

    public string File { get; }

    public int Number { get; }

    /// <summary>The raw cell under <paramref name="column"/> (header matched case-insensitively).</summary>
    /// <exception cref="KeyNotFoundException">The header has no such column: ask only for columns the import requires.</exception>
    public object? this[string column] => columns.TryGetValue(column, out var index)
        ? index < cells.Length ? cells[index] : null
        : throw new KeyNotFoundException($"The file's header has no column '{column}'.");

    internal bool IsBlank => cells.All(TabularCell.IsBlank);
}

/// <summary>A spreadsheet's header names (as written, blank ones left out) and its data rows (blank rows left out).</summary>
public sealed record TabularTable(string File, IReadOnlyList<string> Columns, IReadOnlyList<TabularRow> Rows);

/// <summary>A table, or why it could not be read; never both.</summary>
public sealed record TabularReadResult(TabularTable? Table, IReadOnlyList<ImportError> Errors);

/// <summary>
/// The one way Oversight reads a spreadsheet: CSV (UTF-8 with or without BOM, RFC 4180 quoting) or XLSX (the
/// first sheet). Row 1 is the header; names are matched case-insensitively, in any order, and columns the
/// caller does not ask for are allowed. Rows keep the numbers a spreadsheet shows, so every error can name them.
/// </summary>
public static class TabularReader
{
    /// <summary>
    /// Reads <paramref name="content"/> in the format <paramref name="fileName"/>'s extension names, checking that
    /// the header has every column in <paramref name="requiredColumns"/>. Errors name the file as
    /// <paramref name="fileName"/> does.
    /// </summary>
    public static async Task<TabularReadResult> ReadAsync(string fileName, Stream content, IReadOnlyCollection<string> requiredColumns, CancellationToken cancellationToken = default)
    {
        RawTable raw;
        switch (TabularFormats.FromFileName(fileName))
        {
            case TabularFormat.Csv:
                raw = await CsvRecords.ReadAsync(fileName, content, cancellationToken);
                break;
            case TabularFormat.Xlsx:
                raw = await ReadXlsxAsync(fileName, content, cancellationToken);
                break;
            default:
                return Failure(ImportMessages.NotASpreadsheet.At(fileName, 0, null));
        }

        if (raw.Error is { } readError)
        {
            return Failure(readError);
        }

        return FromRecords(fileName, raw.Records, requiredColumns);
    }

    private static TabularReadResult FromRecords(string fileName, IReadOnlyList<object?[]> records, IReadOnlyCollection<string> requiredColumns)
    {
        if (records.Count == 0 || records[0].All(TabularCell.IsBlank))
        {
            return Failure(ImportMessages.NoHeader.At(fileName, 1, null, string.Join(",", requiredColumns)));
        }

        var errors = new List<ImportError>();
        var names = new List<string>();
        var indexes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var header = records[0];
        for (var i = 0; i < header.Length; i++)
        {
            if (VietnameseText.Normalize(TabularCell.Text(header[i])) is not { } name)
            {
                continue;
            }

            if (!indexes.TryAdd(name, i))
            {
                errors.Add(ImportMessages.ColumnTwice.At(fileName, 1, name, ColumnLetter(indexes[name]), ColumnLetter(i)));
                continue;
            }

            names.Add(name);
        }

        foreach (var required in requiredColumns.Where(c => !indexes.ContainsKey(c)))
        {
            errors.Add(ImportMessages.ColumnMissing.At(fileName, 1, required));
        }

        if (errors.Count > 0)
        {
            return new TabularReadResult(null, errors);
        }

        var columns = indexes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        var rows = records.Skip(1)
            .Select((cells, i) => new TabularRow(fileName, i + 2, columns, cells))
            .Where(r => !r.IsBlank)
            .ToArray();
        return new TabularReadResult(new TabularTable(fileName, names, rows), []);
    }

    private static async Task<RawTable> ReadXlsxAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        // XLSX is a zip archive: MiniExcel needs to seek.
        var seekable = content;
        if (!content.CanSeek)
        {
            seekable = new MemoryStream();
            await content.CopyToAsync(seekable, cancellationToken);
            seekable.Position = 0;
        }

        try
        {
            var records = new List<object?[]>();
            foreach (IDictionary<string, object?> row in MiniExcel.Query(seekable, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                cancellationToken.ThrowIfCancellationRequested();
                records.Add(row.Values.ToArray());
            }

            return new RawTable(records, null);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or NotSupportedException)
        {
            return new RawTable([], ImportMessages.NotAWorkbook.At(fileName, 0, null));
        }
        finally
        {
            if (!ReferenceEquals(seekable, content))
            {
                await seekable.DisposeAsync();
            }
        }
    }

    /// <summary>A column's letter as a spreadsheet shows it: 0 is A, 26 is AA.</summary>
    internal static string ColumnLetter(int index)
    {
        var letters = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return letters.ToString();
    }

    private static TabularReadResult Failure(ImportError error) => new(null, [error]);
}

/// <summary>Records as read from a file, the header first, before columns are named; or why the file could not be read.</summary>
internal sealed record RawTable(IReadOnlyList<object?[]> Records, ImportError? Error);
