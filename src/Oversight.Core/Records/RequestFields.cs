using System.Globalization;
using Oversight.Accounts;
using Oversight.Organisation;
using Oversight.Text;

namespace Oversight.Records;

/// <summary>
/// Reads the fields of a request (cases, sessions, meetings, accountability records), adding a <see cref="FieldError"/>
/// for each that is wrong.
/// </summary>
internal static class RequestFields
{
    /// <summary>
    /// The field as NFC text, trimmed, with white space collapsed unless <paramref name="multiline"/> (content,
    /// outcomes and notes keep their lines); null when empty (an error when required) or too long.
    /// </summary>
    public static string? Text(string? text, string field, int maxLength, List<FieldError> errors, bool required, bool multiline = false)
    {
        var value = multiline ? NullIfEmpty(text?.Trim().Normalize()) : VietnameseText.Normalize(text);
        if (value is not null && value.Any(IsHidden))
        {
            errors.Add(RecordMessages.HiddenCharacters.For(field, ((int)value.First(IsHidden)).ToString("X4", CultureInfo.InvariantCulture)));
            return null;
        }

        // Text of zero-width characters and spaces alone shows as nothing.
        if (value is null || value.All(c => char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format))
        {
            if (required)
            {
                errors.Add(RecordMessages.Required.For(field));
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add(RecordMessages.TooLong.For(field, value.Length, maxLength));
            return null;
        }

        return value;
    }

    /// <summary>
    /// A character that stores something other than what is shown: a control character other than tab and line breaks
    /// (NUL, escape, bell), or one that turns the direction of the text around it (U+202A–U+202E, U+2066–U+2069).
    /// </summary>
    private static bool IsHidden(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>A required enumeration given by its wire name.</summary>
    public static TEnum? Parse<TEnum>(string? text, string field, List<FieldError> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(RecordMessages.Required.For(field));
            return null;
        }

        if (WireNames<TEnum>.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        errors.Add(RecordMessages.NotOneOf.For(field, text, string.Join(", ", WireNames<TEnum>.All)));
        return null;
    }

    /// <summary>A required YYYY-MM-DD date.</summary>
    public static DateOnly? Date(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(RecordMessages.Required.For(field));
            return null;
        }

        if (IsoDate.TryParse(text.Trim(), out var day))
        {
            return day;
        }

        errors.Add(RecordMessages.NotADate.For(field, text));
        return null;
    }

    /// <summary>A required YYYY-MM-DD date that is not after <paramref name="today"/>.</summary>
    public static DateOnly? PastDate(string? text, string field, DateOnly today, List<FieldError> errors)
    {
        var day = Date(text, field, errors);
        if (day > today)
        {
            errors.Add(RecordMessages.InTheFuture.For(field, day, today));
            return null;
        }

        return day;
    }

    /// <summary>An optional YYYY-MM-DD date that is not after <paramref name="today"/>; null when empty.</summary>
    public static DateOnly? OptionalPastDate(string? text, string field, DateOnly today, List<FieldError> errors) =>
        string.IsNullOrWhiteSpace(text) ? null : PastDate(text, field, today, errors);

    /// <summary>A count from <paramref name="least"/> to <paramref name="most"/>; 0 when not given.</summary>
    public static int? Count(int? value, string field, int least, int most, List<FieldError> errors)
    {
        var count = value ?? 0;
        if (count < least || count > most)
        {
            errors.Add(RecordMessages.OutOfRange.For(field, count, least, most));
            return null;
        }

        return count;
    }

    /// <summary>
    /// The unit that has <paramref name="code"/> on <paramref name="on"/>, when it lies within the caller's scope; a
    /// unit outside it does not exist for the caller. Null (reported) when the code is empty or names no such unit, and
    /// null (not reported: the date's own error says why) when there is no date.
    /// </summary>
    public static async Task<UnitSnapshot?> UnitAsync(CallerScope scope, string? code, string field, DateOnly? on, List<FieldError> errors, CancellationToken cancellationToken, bool required = true)
    {
        var unitCode = VietnameseText.Normalize(code);
        if (unitCode is null)
        {
            if (required)
            {
                errors.Add(RecordMessages.Required.For(field));
            }

            return null;
        }

        if (on is not { } day)
        {
            return null;
        }

        var unit = (await scope.GraphAsync(cancellationToken)).Find(unitCode, day);
        if (unit is null || !(await scope.FilterAsync(cancellationToken)).Contains(unit.Id))
        {
            errors.Add(RecordMessages.UnitNotFound.For(field, unitCode, day));
            return null;
        }

        return unit;
    }

    /// <summary>The list's entries as NFC text, blank ones dropped, each once, in their order.</summary>
    public static IReadOnlyList<string> List(IEnumerable<string?>? items) =>
        (items ?? []).Select(VietnameseText.Normalize).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
