namespace Oversight.Web.Pages;

/// <summary>
/// One labelled field of a reception or dialogue form, drawn by <c>_Field.cshtml</c>: its hint and error tied to it
/// with <c>aria-describedby</c>. With <see cref="Options"/> it is a choice, whose first option means none when <see cref="Empty"/> labels one;
/// of type <c>checkbox</c>, a box ticked when <see cref="Value"/> is <c>true</c>.
/// </summary>
public sealed record FormField(
    string Id,
    string Name,
    string? Value,
    string Label,
    string? Error,
    string? Hint = null,
    string Type = "text",
    bool Multiline = false,
    IReadOnlyList<(string Value, string Label)>? Options = null,
    string? Empty = null)
{
    public string? DescribedBy =>
        string.Join(' ', new[] { Hint is null ? null : $"{Id}-hint", Error is null ? null : $"{Id}-error" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
