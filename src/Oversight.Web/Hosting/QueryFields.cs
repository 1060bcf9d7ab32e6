using System.Globalization;
using Oversight.Text;

namespace Oversight.Web.Hosting;

/// <summary>Reads the API's query parameters, adding a message that names the parameter to <c>errors</c> for each invalid one.</summary>
public static class QueryFields
{
    /// <summary>A required period: <c>from</c> and <c>to</c>, both days included, <c>to</c> not before <c>from</c>.</summary>
    public static (DateOnly? From, DateOnly? To, Dictionary<string, string[]> Errors) Period(string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDay = RequiredDate(from, nameof(from), errors);
        var toDay = RequiredDate(to, nameof(to), errors);
        if (fromDay > toDay)
        {
            errors[nameof(to)] = ["to must not be before from."];
        }

        return errors.Count > 0 ? (null, null, errors) : (fromDay, toDay, errors);
    }

    public static DateOnly? RequiredDate(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[name] = [$"{name} is required (YYYY-MM-DD)."];
            return null;
        }

        return OptionalDate(text, name, errors);
    }

    public static DateOnly? OptionalDate(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (IsoDate.TryParse(text, out var date))
        {
            return date;
        }

        errors[name] = [$"{name} '{text}' is not a date in the form YYYY-MM-DD."];
        return null;
    }

    public static TEnum? OptionalEnum<TEnum>(string? text, string name, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (WireNames<TEnum>.TryParse(text, out var value))
        {
            return value;
        }

        errors[name] = [$"{name} '{text}' is not one of: {string.Join(", ", WireNames<TEnum>.All)}."];
        return null;
    }

    public static bool? OptionalBool(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        errors[name] = [$"{name} '{text}' is not true or false."];
        return null;
    }

    public static int? OptionalNumber(string? text, string name, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"{name} '{text}' is not a whole number from {min} to {max}."];
        return null;
    }
}
