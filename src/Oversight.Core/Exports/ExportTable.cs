namespace Oversight.Exports;

/// <summary>What an exported cell holds.</summary>
public enum ExportCellKind
{
    Empty,
    Text,

    /// <summary>A whole number: a count.</summary>
    Integer,

    /// <summary>A number that may have a fraction: a percentage, a target.</summary>
    Decimal,

    /// <summary>A day.</summary>
    Date,
}

/// <summary>
/// One typed cell of an exported table. A column gives its value as it is — text, a count, a number or a day, each
/// possibly null — and the implicit conversions make the cell; null is an empty cell.
/// </summary>
public readonly record struct ExportCell
{
    private ExportCell(ExportCellKind kind, string? text = null, double number = 0, DateOnly date = default)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Date = date;
    }

    public static ExportCell Empty => default;

    public ExportCellKind Kind { get; }

    /// <summary>The text of a <see cref="ExportCellKind.Text"/> cell.</summary>
    public string? Text { get; }

    /// <summary>The value of an <see cref="ExportCellKind.Integer"/> or <see cref="ExportCellKind.Decimal"/> cell.</summary>
    public double Number { get; }

    /// <summary>The day of a <see cref="ExportCellKind.Date"/> cell.</summary>
    public DateOnly Date { get; }

    public static implicit operator ExportCell(string? text) => text is null ? Empty : new(ExportCellKind.Text, text);

    public static implicit operator ExportCell(long number) => new(ExportCellKind.Integer, number: number);

    public static implicit operator ExportCell(long? number) => number is { } value ? value : Empty;

    public static implicit operator ExportCell(double number) => new(ExportCellKind.Decimal, number: number);

    public static implicit operator ExportCell(double? number) => number is { } value ? value : Empty;

    public static implicit operator ExportCell(DateOnly date) => new(ExportCellKind.Date, date: date);

    public static implicit operator ExportCell(DateOnly? date) => date is { } value ? value : Empty;
}

/// <summary>A column of an export: its header, in the reader's language, and how a row gives its cell.</summary>
public sealed record ExportColumn<TRow>(string Header, Func<TRow, ExportCell> Value);

/// <summary>
/// A table to export: a name (the sheet's), the column headers and the rows of typed cells, one cell per header.
/// <see cref="ExportWriter"/> writes it as CSV or XLSX.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<ExportCell[]> Rows)
{
    /// <summary>The table of <paramref name="rows"/> in <paramref name="columns"/>.</summary>
    public static ExportTable Of<TRow>(string name, IEnumerable<TRow> rows, IReadOnlyList<ExportColumn<TRow>> columns) =>
        new(name, columns.Select(c => c.Header).ToArray(), rows.Select(row => columns.Select(c => c.Value(row)).ToArray()).ToArray());
}
