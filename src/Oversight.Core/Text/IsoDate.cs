using System.Globalization;

namespace Oversight.Text;

/// <summary>
/// Dates as addresses, command lines, files and the API carry them: <c>2024-07-19</c>, and nothing else
/// (a page shows dates in the reader's culture instead).
/// </summary>
public static class IsoDate
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
