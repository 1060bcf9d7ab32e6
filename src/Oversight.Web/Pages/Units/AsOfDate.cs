using Oversight.Text;

namespace Oversight.Web.Pages.Units;

/// <summary>The "as of" date of a request: <c>YYYY-MM-DD</c>, today in Vietnam when absent.</summary>
public static class AsOfDate
{
    /// <summary>The date given, or <paramref name="today"/> when none is given or it is not a date (then <c>Invalid</c> is true, so the page can say so).</summary>
    public static (DateOnly Date, bool Invalid) Parse(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (today, false);
        }

        return IsoDate.TryParse(text, out var date) ? (date, false) : (today, true);
    }
}
