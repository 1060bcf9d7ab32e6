using System.Globalization;
using Oversight.Organisation;

namespace Oversight.Text;

/// <summary>
/// Dates and numbers as the reader's culture writes them: <c>19/07/2024</c> and <c>81,8%</c> in Vietnamese,
/// <c>19 Jul 2024</c> and <c>81.8%</c> in English. Without a culture argument, the request's culture.
/// </summary>
public static class Formats
{
    /// <remarks>ICU writes September "Sept" in en-GB; the pages use the three-letter abbreviations throughout.</remarks>
    private static readonly string[] EnglishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string Date(DateOnly date, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return culture.TwoLetterISOLanguageName == "en"
            ? $"{date.Day} {EnglishMonths[date.Month - 1]} {date.Year}"
            : date.ToString("dd/MM/yyyy", culture);
    }

    /// <summary>A moment as a date and time in Vietnam (UTC+7), where the records are kept.</summary>
    public static string DateTime(DateTimeOffset moment, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var local = moment.ToOffset(VietnamTime.Offset);
        return $"{Date(DateOnly.FromDateTime(local.DateTime), culture)} {local.ToString("HH:mm", culture)}";
    }

    /// <summary>A count with the culture's group separator: <c>11.300</c> (vi), <c>11,300</c> (en).</summary>
    public static string Number(long value, CultureInfo? culture = null) =>
        value.ToString("N0", culture ?? CultureInfo.CurrentCulture);

    /// <summary>A ratio as a percentage with one decimal: 18/22 is <c>81,8%</c> (vi), <c>81.8%</c> (en).</summary>
    public static string Percent(decimal ratio, CultureInfo? culture = null) =>
        Math.Round(ratio * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", culture ?? CultureInfo.CurrentCulture) + "%";

    /// <summary>A number with the given decimals: <c>4,62</c> (vi), <c>4.62</c> (en).</summary>
    public static string Decimal(double value, int decimals, CultureInfo? culture = null) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals, culture ?? CultureInfo.CurrentCulture);

    /// <summary>A percentage with the given decimals: <c>81,8%</c> (vi), <c>49.58%</c> (en).</summary>
    public static string Percentage(double percent, int decimals = 1, CultureInfo? culture = null) =>
        Math.Round(percent, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals, culture ?? CultureInfo.CurrentCulture) + "%";

    /// <summary>A file's size in kilobytes under a megabyte, else in megabytes with one decimal: <c>340 KB</c>, <c>1,2 MB</c> (vi).</summary>
    public static string FileSize(long bytes, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        const double Kilobyte = 1024;
        return bytes < Kilobyte * Kilobyte
            ? $"{Math.Max(1, Math.Ceiling(bytes / Kilobyte)).ToString("0", culture)} KB"
            : $"{(bytes / (Kilobyte * Kilobyte)).ToString("0.0", culture)} MB";
    }
}
