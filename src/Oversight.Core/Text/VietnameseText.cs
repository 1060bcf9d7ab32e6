using System.Globalization;
using System.Text;

namespace Oversight.Text;

/// <summary>Normalisation and search folding for Vietnamese text.</summary>
public static class VietnameseText
{
    private static readonly char[] EntrySeparators = [';', '\r', '\n'];

    /// <summary>
    /// The entries of a list written in one cell or field, separated by <c>;</c> or line breaks, each normalised
    /// (<see cref="Normalize"/>); empty when there are none.
    /// </summary>
    public static IReadOnlyList<string> Entries(string? text) =>
        (text ?? string.Empty).Split(EntrySeparators).Select(Normalize).OfType<string>().ToList();

    /// <summary>NFC-normalises, trims and collapses runs of white space; null or blank gives null.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var nfc = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(nfc.Length);
        var pendingSpace = false;
        foreach (var c in nfc.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The longest text a record keeps folded for the words search.</summary>
    public const int SearchTextLength = 800;

    /// <summary>What a record keeps for the words search: <paramref name="text"/> folded (<see cref="Fold"/>), at most <see cref="SearchTextLength"/> characters.</summary>
    public static string SearchText(string text)
    {
        var folded = Fold(text);
        return folded.Length <= SearchTextLength ? folded : folded[..SearchTextLength];
    }

    /// <summary>
    /// Folds text for search: lower case, no diacritics, đ/Đ as d, single spaces.
    /// "Chương Mỹ" and "chuong my" fold to the same key.
    /// </summary>
    public static string Fold(string? text)
    {
        var normalized = Normalize(text);
        if (normalized is null)
        {
            return string.Empty;
        }

        var decomposed = normalized.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
