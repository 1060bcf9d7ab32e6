using System.Globalization;
using Oversight.Audit;
using Oversight.Data;

namespace Oversight.Indicators;

/// <summary>How a report states a count: exactly, or as a bound ("more than 11,300").</summary>
public enum ClaimComparison
{
    Exact,
    MoreThan,
    AtLeast,
}

/// <summary>
/// A figure a unit reported in writing (a claim): what it says, for which unit and period, the value as written
/// and, when the report gives them, the numerator and denominator of a stated rate. Claims are never indicators:
/// they are kept apart and reconciled with what the records give.
/// </summary>
public sealed class ReportedFigure : IUnitRecord, IStamped
{
    Guid? IUnitRecord.RecordUnitId => UnitId;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The claim's register number, unique; importing a row with it again corrects the claim.</summary>
    public required string Reference { get; init; }

    public Guid UnitId { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    /// <summary>The indicator the figure is a value of; null for a figure no indicator gives (it cannot be checked against records).</summary>
    public string? IndicatorCode { get; set; }

    /// <summary>The figure in the report's words ("18 out of 22 cases … resolved, achieving 81.1%").</summary>
    public required string Description { get; set; }

    /// <summary>The value as written (<c>81,1%</c>, <c>11.300</c>).</summary>
    public required string Written { get; set; }

    public ClaimComparison Comparison { get; set; }

    /// <summary>The numerator a stated rate gives (18 of "18 out of 22"); null when none is stated.</summary>
    public long? StatedNumerator { get; set; }

    public long? StatedDenominator { get; set; }

    /// <summary>The document the figure is taken from, with the page or section.</summary>
    public required string Source { get; set; }

    /// <summary>The self-assessment report the figure was stated in, in Oversight; none for a claim entered or imported.</summary>
    public Guid? DocumentId { get; set; }
}

/// <summary>A figure as written, read: its value, how many decimals it was written with, and whether it is a percentage.</summary>
public sealed record WrittenFigure(decimal Value, int Decimals, bool Percent)
{
    /// <summary>
    /// Reads a figure as Vietnamese reports write it: a comma before decimals and dots between thousands
    /// (<c>81,1%</c>, <c>11.300</c>); a dot followed by other than three digits is read as a decimal point
    /// (<c>49.58%</c>). Null when the text is not a figure.
    /// </summary>
    public static WrittenFigure? Parse(string? text)
    {
        var written = text?.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(written))
        {
            return null;
        }

        var percent = written.EndsWith('%');
        var number = percent ? written[..^1] : written;
        string integral, fraction;
        if (number.Contains(','))
        {
            var parts = number.Split(',');
            if (parts.Length != 2)
            {
                return null;
            }

            (integral, fraction) = (parts[0].Replace(".", string.Empty, StringComparison.Ordinal), parts[1]);
        }
        else
        {
            var parts = number.Split('.');
            var grouped = parts.Length > 1 && parts.Skip(1).All(p => p.Length == 3);
            (integral, fraction) = grouped || parts.Length == 1 ? (string.Concat(parts), string.Empty)
                : parts.Length == 2 ? (parts[0], parts[1])
                : (string.Empty, string.Empty);
        }

        if (integral.Length == 0 || !integral.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit) || integral.Length + fraction.Length > 18)
        {
            return null;
        }

        var value = decimal.Parse(fraction.Length == 0 ? integral : $"{integral}.{fraction}", CultureInfo.InvariantCulture);
        return new WrittenFigure(value, fraction.Length, percent);
    }
}
