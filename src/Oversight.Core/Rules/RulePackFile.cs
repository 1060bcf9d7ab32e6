using System.Text.Json;
using Oversight.Text;

namespace Oversight.Rules;

/// <summary>A rule pack file: an id, a title, the day it takes effect and its rules by key.</summary>
/// <remarks>
/// A pack may hold only the rules that change: on a given day each key takes its value from the pack in force
/// with the latest effective date that defines it. See Rules/README.md for the format.
/// </remarks>
public sealed record RulePackFile(string Id, string Title, DateOnly EffectiveFrom, IReadOnlyDictionary<string, RuleValue> Rules)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads and checks a pack; every problem is named with the file and the field.</summary>
    public static RulePackParse Parse(string fileName, string content)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(content, Json);
        }
        catch (JsonException exception)
        {
            return RulePackParse.Failed($"{fileName}: not a rule pack: {exception.Message}");
        }

        var errors = new List<string>();
        if (document is null)
        {
            return RulePackParse.Failed($"{fileName}: empty");
        }

        var id = document.Id?.Trim();
        if (string.IsNullOrEmpty(id) || id.Length > 100 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
        {
            errors.Add($"{fileName}: id: '{document.Id}' must be 1–100 letters, digits, '-' or '.'");
        }

        if (string.IsNullOrWhiteSpace(document.Title))
        {
            errors.Add($"{fileName}: title: must not be empty");
        }

        if (!IsoDate.TryParse(document.EffectiveFrom, out var effectiveFrom))
        {
            errors.Add($"{fileName}: effectiveFrom: '{document.EffectiveFrom}' is not a date in the form YYYY-MM-DD");
        }

        var rules = new Dictionary<string, RuleValue>(StringComparer.Ordinal);
        if (document.Rules is null || document.Rules.Count == 0)
        {
            errors.Add($"{fileName}: rules: a pack needs at least one rule");
        }

        foreach (var (key, rule) in document.Rules ?? [])
        {
            var at = $"{fileName}: rules.{key}";
            if (!WireNames<RuleUnit>.TryParse(rule.Unit, out var unit))
            {
                errors.Add($"{at}.unit: '{rule.Unit}' is not one of: {string.Join(", ", WireNames<RuleUnit>.All)}");
            }

            var names = (rule.Values ?? []).Select(VietnameseText.Normalize).ToArray();
            if (unit == RuleUnit.Names)
            {
                if (names.Length == 0 || names.Any(n => n is null))
                {
                    errors.Add($"{at}.values: a list of names needs at least one, none empty");
                }

                if (rule.Value is not null)
                {
                    errors.Add($"{at}.value: a list of names has no number; give values only");
                }
            }
            else if (rule.Values is not null)
            {
                errors.Add($"{at}.values: only a rule of unit names has values; give value");
            }
            else if (rule.Value is not { } value || value < 0)
            {
                errors.Add($"{at}.value: must be a number, zero or more");
            }
            else if (unit is RuleUnit.CalendarDays or RuleUnit.WorkingDays or RuleUnit.Count && value != decimal.Truncate(value))
            {
                errors.Add($"{at}.value: {value} must be a whole number");
            }

            if (string.IsNullOrWhiteSpace(rule.Citation))
            {
                errors.Add($"{at}.citation: every value needs its legal citation");
            }

            rules[key] = new RuleValue(rule.Value ?? 0, unit, VietnameseText.Normalize(rule.Citation) ?? string.Empty, rule.Verified ?? false) { Names = names.OfType<string>().ToArray() };
        }

        return errors.Count > 0
            ? new RulePackParse(null, errors)
            : new RulePackParse(new RulePackFile(id!, VietnameseText.Normalize(document.Title)!, effectiveFrom, rules), []);
    }

    private sealed record Document(string? Id, string? Title, string? EffectiveFrom, Dictionary<string, RuleDocument>? Rules);

    private sealed record RuleDocument(decimal? Value, List<string>? Values, string? Unit, string? Citation, bool? Verified);
}

/// <summary>A parsed pack, or what is wrong with the file.</summary>
public sealed record RulePackParse(RulePackFile? Pack, IReadOnlyList<string> Errors)
{
    public static RulePackParse Failed(string error) => new(null, [error]);
}
