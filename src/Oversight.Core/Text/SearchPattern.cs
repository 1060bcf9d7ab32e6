namespace Oversight.Text;

/// <summary>The words of a search box as LIKE patterns: each word anywhere in a column, its wildcards taken literally.</summary>
public static class SearchPattern
{
    /// <summary>The escape character of <see cref="Containing"/>'s patterns, to pass to LIKE.</summary>
    public const string Escape = @"\";

    /// <summary>The pattern of a column containing <paramref name="word"/>, <c>%</c>, <c>_</c> and <c>\</c> in it matched as themselves.</summary>
    public static string Containing(string word) =>
        $"%{word.Replace(Escape, Escape + Escape, StringComparison.Ordinal).Replace("%", Escape + "%", StringComparison.Ordinal).Replace("_", Escape + "_", StringComparison.Ordinal)}%";

    /// <summary>The words of <paramref name="search"/> folded (<see cref="VietnameseText.Fold"/>), for a folded search column.</summary>
    public static IReadOnlyList<string> FoldedWords(string? search) =>
        VietnameseText.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The words of <paramref name="search"/> as typed (NFC, diacritics kept), for a column stored as written.</summary>
    public static IReadOnlyList<string> TypedWords(string? search) =>
        (VietnameseText.Normalize(search) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
