using System.Globalization;

namespace Oversight.Scores;

/// <summary>Scores and maxima as files and pages write them: at most two decimals, a point or a comma before them.</summary>
public static class ScoreText
{
    /// <summary>Reads <c>85.23</c> or <c>85,23</c> (a CSV's comma must then be quoted); false for anything else, or more than two decimals.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        var trimmed = text?.Trim().Replace(',', '.');
        if (string.IsNullOrEmpty(trimmed) || trimmed.Count(c => c == '.') > 1
            || !decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        return decimal.Round(value, 2) == value;
    }

    /// <summary>A score as the culture writes it, with the decimals it has up to two: <c>85,5</c>, <c>100</c>.</summary>
    public static string Format(decimal value, CultureInfo? culture = null) =>
        value.ToString("0.##", culture ?? CultureInfo.CurrentCulture);

    /// <summary>A score in files and messages: invariant, <c>85.5</c>.</summary>
    public static string Invariant(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
