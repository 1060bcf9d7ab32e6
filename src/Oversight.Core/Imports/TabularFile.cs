using System.Collections.Frozen;
using System.Security.Cryptography;
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
    internal TabularRow(string file, int number, FrozenDictionary<string, int> columns, object?[] cells)
    {
        File = file;
        Number = number;
        Columns = columns;
        Cells = cells;
    }

    public string File { get; }

    public int Number { get; }

    /// <summary>The index of each column in <see cref="Cells"/>, by its header name (case-insensitively); shared by a file's rows.</summary>
    internal FrozenDictionary<string, int> Columns { get; }

    /// <summary>The cells as read, left to right; a row may end before the header does.</summary>
    internal object?[] Cells { get; }

    /// <summary>The raw cell under <paramref name="column"/> (header matched case-insensitively).</summary>
    /// <exception cref="KeyNotFoundException">The header has no such column: ask only for columns the import requires.</exception>
    public object? this[string column] => Columns.TryGetValue(column, out var index)
        ? index < Cells.Length ? Cells[index] : null
        : throw new KeyNotFoundException($"The file's header has no column '{column}'.");

    internal bool IsBlank => Cells.All(TabularCell.IsBlank);

    /// <summary>Whether the file's header has <paramref name="column"/> (an optional column may be missing).</summary>
    public bool Has(string column) => Columns.ContainsKey(column);
}

/// <summary>
/// A spreadsheet whose header has been checked and whose data rows have been counted: its header names (as written,
/// blank ones left out), the number of its data rows (blank rows left out), and the rows themselves, read from the
/// file as they are enumerated.
/// </summary>
/// <remarks>
/// Rows are never all in memory: each enumeration of <see cref="Rows"/> reads the file again from its start, one row at
/// a time, so an import keeps of a row only what it needs. The file's stream must stay open while rows are read, and
/// one enumeration runs at a time.
/// </remarks>
public sealed class TabularTable
{
    private readonly Func<IEnumerable<TabularRow>> rows;
    private readonly Lazy<string> sha256;

    internal TabularTable(string file, IReadOnlyList<string> columns, int rowCount, Func<IEnumerable<TabularRow>> rows, Func<string> sha256)
    {
        File = file;
        Columns = columns;
        RowCount = rowCount;
        this.rows = rows;
        this.sha256 = new Lazy<string>(sha256, LazyThreadSafetyMode.None);
    }

    public string File { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>How many data rows the file has, blank rows not counted.</summary>
    public int RowCount { get; }

    /// <summary>The data rows in the file's order, blank rows left out, read from the file as they are enumerated.</summary>
    public IEnumerable<TabularRow> Rows => rows();

    /// <summary>The file's SHA-256 in lowercase hex, read from the file when first asked for (not while its rows are enumerated).</summary>
    public string Sha256 => sha256.Value;
}

/// <summary>A table, or why it could not be read; never both.</summary>
public sealed record TabularReadResult(TabularTable? Table, IReadOnlyList<ImportError> Errors);

/// <summary>
/// The one way Oversight reads a spreadsheet: CSV (UTF-8 with or without BOM, RFC 4180 quoting) or XLSX (the
/// first sheet). Row 1 is the header; names are matched case-insensitively, in any order, and columns the
/// caller does not ask for are allowed. Rows keep the numbers a spreadsheet shows, so every error can name them.
/// </summary>
/// <remarks>
/// A file is read row by row, never whole: once for its header, its row count and any fault of its format (a quote
/// never closed, bytes that are not UTF-8, a broken workbook), so that a file too long or unreadable is refused before
/// its rows are checked, and again each time its rows are enumerated. An XLSX's shared strings (the texts its cells
/// point to) are kept by MiniExcel while a sheet is read: in memory up to a few megabytes of them, in a file on disk
/// beyond; they are bounded by the file.
/// </remarks>
public static class TabularReader
{
    /// <summary>
    /// Reads the header of <paramref name="content"/> in the format <paramref name="fileName"/>'s extension names,
    /// checks that it has every column in <paramref name="requiredColumns"/>, and counts the data rows, refusing a file
    /// with more than <paramref name="maxRows"/>. Errors name the file as <paramref name="fileName"/> does.
    /// <paramref name="content"/> must be seekable (a file on disk, or bytes in memory): its rows are read more than once.
    /// </summary>
    public static TabularReadResult Read(string fileName, Stream content, IReadOnlyCollection<string> requiredColumns, int maxRows, CancellationToken cancellationToken = default)
    {
        if (!content.CanSeek)
        {
            throw new ArgumentException("A spreadsheet is read more than once: give a seekable stream.", nameof(content));
        }

        if (TabularFormats.FromFileName(fileName) is not { } format)
        {
            return Failure(ImportMessages.NotASpreadsheet.At(fileName, 0, null));
        }

        IEnumerable<object?[]> Records()
        {
            content.Position = 0;
            return format == TabularFormat.Csv ? CsvRecords.Read(fileName, content) : XlsxRecords(fileName, content);
        }

        try
        {
            using var records = Records().GetEnumerator();
            if (!records.MoveNext() || records.Current.All(TabularCell.IsBlank))
            {
                return Failure(ImportMessages.NoHeader.At(fileName, 1, null, string.Join(",", requiredColumns)));
            }

            var (names, columns, errors) = Header(fileName, records.Current, requiredColumns);
            if (errors.Count > 0)
            {
                return new TabularReadResult(null, errors);
            }

            var count = 0;
            while (records.MoveNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!records.Current.All(TabularCell.IsBlank) && ++count > maxRows)
                {
                    return Failure(ImportMessages.TooManyRows.At(fileName, 0, null, maxRows));
                }
            }

            string Hash()
            {
                content.Position = 0;
                return Convert.ToHexStringLower(SHA256.HashData(content));
            }

            return new TabularReadResult(new TabularTable(fileName, names, count, () => Rows(fileName, Records, columns), Hash), []);
        }
        catch (UnreadableFileException unreadable)
        {
            return Failure(unreadable.Error);
        }
    }

    private static (List<string> Names, FrozenDictionary<string, int> Columns, List<ImportError> Errors) Header(
        string fileName, object?[] header, IReadOnlyCollection<string> requiredColumns)
    {
        var errors = new List<ImportError>();
        var names = new List<string>();
        var indexes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
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

        return (names, indexes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), errors);
    }

    /// <summary>The data rows, numbered from 2 as the spreadsheet numbers them, blank ones left out.</summary>
    private static IEnumerable<TabularRow> Rows(string fileName, Func<IEnumerable<object?[]>> records, FrozenDictionary<string, int> columns)
    {
        var number = 0;
        foreach (var cells in records())
        {
            if (++number > 1 && !cells.All(TabularCell.IsBlank))
            {
                yield return new TabularRow(fileName, number, columns, cells);
            }
        }
    }

    /// <summary>The records of the first sheet, the header first; a broken workbook is <see cref="ImportMessages.NotAWorkbook"/>.</summary>
    private static IEnumerable<object?[]> XlsxRecords(string fileName, Stream content)
    {
        using var rows = Workbook(fileName, () => MiniExcel.Query(content, useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator());
        while (Workbook(fileName, rows.MoveNext))
        {
            yield return ((IDictionary<string, object?>)rows.Current).Values.ToArray();
        }
    }

    private static T Workbook<T>(string fileName, Func<T> read)
    {
        try
        {
            return read();
        }
        // A damaged workbook can fail the third-party reader in any way (the fuzz test saw null references and indexes
        // out of range besides broken ZIP and XML); whatever it throws, the file is not a workbook Oversight can read.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new UnreadableFileException(ImportMessages.NotAWorkbook.At(fileName, 0, null));
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

/// <summary>
/// A fault in a file's format, met while reading it row by row; <see cref="TabularReader.Read"/> meets every such fault
/// in its first reading and returns it as an error, so that later readings never throw it.
/// </summary>
internal sealed class UnreadableFileException(ImportError error) : Exception(error.ToString())
{
    public ImportError Error { get; } = error;
}
