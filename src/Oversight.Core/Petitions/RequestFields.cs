using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>Reads the text fields of a request (cases, sessions, meetings), adding a <see cref="FieldError"/> for each that is wrong.</summary>
internal static class RequestFields
{
    /// <summary>
    /// The field as NFC text, trimmed, with white space collapsed unless <paramref name="multiline"/> (content,
    /// outcomes and notes keep their lines); null when empty (an error when required) or too long.
    /// </summary>
    public static string? Text(string? text, string field, int maxLength, List<FieldError> errors, bool required, bool multiline = false)
    {
        var value = multiline ? NullIfEmpty(text?.Trim().Normalize()) : VietnameseText.Normalize(text);
        if (value is null)
        {
            if (required)
            {
                errors.Add(CaseMessages.Required.For(field));
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add(CaseMessages.TooLong.For(field, value.Length, maxLength));
            return null;
        }

        return value;
    }

    /// <summary>A required enumeration given by its wire name.</summary>
    public static TEnum? Parse<TEnum>(string? text, string field, List<FieldError> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(CaseMessages.Required.For(field));
            return null;
        }

        if (WireNames<TEnum>.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        errors.Add(CaseMessages.NotOneOf.For(field, text, string.Join(", ", WireNames<TEnum>.All)));
        return null;
    }

    /// <summary>A required YYYY-MM-DD date.</summary>
    public static DateOnly? Date(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(CaseMessages.Required.For(field));
            return null;
        }

        if (IsoDate.TryParse(text.Trim(), out var day))
        {
            return day;
        }

        errors.Add(CaseMessages.NotADate.For(field, text));
        return null;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
