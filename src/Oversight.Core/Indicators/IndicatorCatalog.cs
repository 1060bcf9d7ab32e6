using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Oversight.Text;

namespace Oversight.Indicators;

/// <summary>
/// The indicator definitions and validation rules Oversight computes, read from a definitions file
/// (Indicators/Definitions/indicators.json ships with it). Definitions are data: a new indicator over the
/// existing record sets needs no code.
/// </summary>
/// <remarks>See Indicators/README.md for the format and the record sets with their facts and measures.</remarks>
public sealed class IndicatorCatalog
{
    private const string ShippedResource = "Oversight.Indicators.indicators.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Lazy<IndicatorCatalog> ShippedCatalog = new(LoadShipped);

    private readonly FrozenDictionary<string, IndicatorDefinition> byCode;

    private IndicatorCatalog(IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyList<ValidationRule> validation)
    {
        Indicators = indicators;
        Headline = indicators.Where(i => !i.Breakdown).ToArray();
        Validation = validation;
        byCode = indicators.ToFrozenDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The definitions that ship with Oversight.</summary>
    public static IndicatorCatalog Shipped => ShippedCatalog.Value;

    /// <summary>Every indicator, in the file's order (the order of the report).</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators { get; }

    /// <summary>The indicators that are not breakdowns: the dashboard's, the rankings' and the report's.</summary>
    public IReadOnlyList<IndicatorDefinition> Headline { get; }

    public IReadOnlyList<ValidationRule> Validation { get; }

    public IndicatorDefinition? Find(string code) => byCode.GetValueOrDefault(code.Trim());

    /// <summary>The definitions of <paramref name="codes"/>, which code (the summaries) relies on; a catalog without one of them is a bug.</summary>
    public IReadOnlyList<IndicatorDefinition> Require(IEnumerable<string> codes) =>
        codes.Select(code => Find(code) ?? throw new InvalidOperationException($"The indicator definitions lack {code}, which Oversight's summaries need.")).ToArray();

    /// <summary>Reads and checks a definitions file; every problem is named with the file, the indicator and the field.</summary>
    public static (IndicatorCatalog? Catalog, IReadOnlyList<string> Errors) Parse(string fileName, string content)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(content, Json);
        }
        catch (JsonException exception)
        {
            return (null, [$"{fileName}: not an indicator definitions file: {exception.Message}"]);
        }

        var errors = new List<string>();
        var indicators = new List<IndicatorDefinition>();
        var defined = new Dictionary<string, IndicatorDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var (entry, index) in (document?.Indicators ?? []).Select((e, i) => (e, i)))
        {
            var at = $"{fileName}: indicators[{index}]{(string.IsNullOrWhiteSpace(entry.Code) ? "" : $" ({entry.Code})")}";
            if (Definition(entry, at, errors) is { } definition)
            {
                if (!defined.TryAdd(definition.Code, definition))
                {
                    errors.Add($"{at}: code: '{definition.Code}' is defined twice");
                }

                indicators.Add(definition);
            }
        }

        var rules = new List<ValidationRule>();
        foreach (var (entry, index) in (document?.Validation ?? []).Select((e, i) => (e, i)))
        {
            var at = $"{fileName}: validation[{index}]{(string.IsNullOrWhiteSpace(entry.Code) ? "" : $" ({entry.Code})")}";
            if (Rule(entry, at, defined, errors) is { } rule)
            {
                rules.Add(rule);
            }
        }

        if (indicators.Count == 0 && errors.Count == 0)
        {
            errors.Add($"{fileName}: indicators: none defined");
        }

        foreach (var set in indicators.SelectMany(i => new[] { i.Numerator, i.Denominator }).Concat(rules.Select(r => r.None)).OfType<Quantity>().GroupBy(q => q.Records))
        {
            if (set.Select(q => q.FilterKey).Distinct().Count() is var filters && filters > SetLayout.MostFilters)
            {
                errors.Add($"{fileName}: records '{set.Key.Name}': {filters} different filters (where); the facts of a record set keep at most {SetLayout.MostFilters}");
            }
        }

        return errors.Count > 0 ? (null, errors) : (new IndicatorCatalog(indicators, rules), []);
    }

    private static IndicatorCatalog LoadShipped()
    {
        using var stream = typeof(IndicatorCatalog).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"The resource {ShippedResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var (catalog, errors) = Parse("indicators.json", reader.ReadToEnd());
        return catalog ?? throw new InvalidOperationException("The shipped indicator definitions are broken: " + string.Join("; ", errors));
    }

    private static IndicatorDefinition? Definition(IndicatorEntry entry, string at, List<string> errors)
    {
        var count = errors.Count;
        var code = Code(entry.Code, at, errors);
        var area = Wire<IndicatorArea>(entry.Area, $"{at}: area", errors);
        var unit = Wire<IndicatorUnit>(entry.Unit, $"{at}: unit", errors);
        var direction = Wire<IndicatorDirection>(entry.Direction, $"{at}: direction", errors);
        var (nameVi, nameEn) = Names(entry.Name, at, errors);
        var visibility = entry.PeerVisibility is null ? PeerVisibility.Public : Wire<PeerVisibility>(entry.PeerVisibility, $"{at}: peerVisibility", errors);
        var numerator = entry.Numerator is null ? Missing<Quantity>($"{at}: numerator", errors) : Quantity(entry.Numerator, $"{at}: numerator", errors);
        Quantity? denominator = null;
        if (unit != IndicatorUnit.Count)
        {
            denominator = entry.Denominator is null ? Missing<Quantity>($"{at}: denominator", errors) : Quantity(entry.Denominator, $"{at}: denominator", errors);
        }
        else if (entry.Denominator is not null)
        {
            errors.Add($"{at}: denominator: a count has none; use unit percent or average");
        }

        if (unit == IndicatorUnit.Average && numerator is { Sum: null })
        {
            errors.Add($"{at}: numerator: an average divides a sum of scores; give its measure as sum");
        }

        LegalSource? source = null;
        if (entry.Source is not null)
        {
            var citation = VietnameseText.Normalize(entry.Source.Citation);
            if (citation is null)
            {
                errors.Add($"{at}: source: citation must be given");
            }
            else
            {
                source = new LegalSource(citation, entry.Source.Verified ?? false);
            }
        }

        if (entry.Target is < 0 || (unit == IndicatorUnit.Percent && entry.Target is > 100))
        {
            errors.Add($"{at}: target: {entry.Target} is out of range");
        }

        return errors.Count > count || code is null || numerator is null
            ? null
            : new IndicatorDefinition(code, area, nameVi, nameEn, unit, direction, entry.Target, numerator, denominator, entry.Breakdown ?? false, visibility, source);
    }

    /// <remarks>
    /// A total and its parts must not let callers subtract their way to a value kept from them: an indicator that is
    /// the only one of them seen less widely than the others (cases received, complaints and petitions, which are
    /// public, would give the denunciations) is refused.
    /// </remarks>
    private static ValidationRule? Rule(RuleEntry entry, string at, IReadOnlyDictionary<string, IndicatorDefinition> defined, List<string> errors)
    {
        var count = errors.Count;
        var code = Code(entry.Code, at, errors);
        var (nameVi, nameEn) = Names(entry.Name, at, errors);
        var parts = entry.Parts ?? [];
        Quantity? none = null;
        if (entry.None is not null)
        {
            none = Quantity(entry.None, $"{at}: none", errors);
            if (entry.Total is not null || parts.Count > 0)
            {
                errors.Add($"{at}: a rule is either total and parts, or none");
            }
        }
        else if (entry.Total is null || parts.Count == 0)
        {
            errors.Add($"{at}: total and parts, or none, must be given");
        }

        foreach (var (reference, field) in parts.Select((p, i) => ((string?)p, $"parts[{i}]")).Prepend((entry.Total, "total")))
        {
            if (reference is not null && !defined.ContainsKey(reference))
            {
                errors.Add($"{at}: {field}: '{reference}' is not an indicator defined above");
            }
        }

        if (errors.Count == count && entry.Total is not null)
        {
            var members = parts.Prepend(entry.Total).Select(reference => defined[reference]).DistinctBy(d => d.Code).ToArray();
            var alone = new[] { PeerVisibility.Scope, PeerVisibility.Peers }
                .Select(level => members.Where(m => m.PeerVisibility >= level).ToArray())
                .Where(kept => kept.Length == 1)
                .Select(kept => kept[0])
                .Distinct();
            foreach (var indicator in alone)
            {
                var visibility = WireNames<PeerVisibility>.ToWire(indicator.PeerVisibility);
                errors.Add($"{at}: {indicator.Code}: peerVisibility {visibility}, but the other indicators of the total and its parts are seen more widely and would give its value; make another of them {visibility}");
            }
        }

        return errors.Count > count || code is null ? null : new ValidationRule(code, nameVi, nameEn, entry.Total, parts, none);
    }

    private static Quantity? Quantity(QuantityEntry entry, string at, List<string> errors)
    {
        if (entry.Records is null || !RecordSets.ByName.TryGetValue(entry.Records, out var records))
        {
            errors.Add($"{at}: records: '{entry.Records}' is not one of {string.Join(", ", RecordSets.ByName.Keys)}");
            return null;
        }

        if (entry.Sum is not null && !records.Measures.Contains(entry.Sum))
        {
            errors.Add($"{at}: sum: '{entry.Sum}' is not a measure of {records.Name} ({string.Join(", ", records.Measures)})");
            return null;
        }

        var facts = Expression.Parameter(records.FactsType, "facts");
        Expression body = Expression.Constant(true);
        var where = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, element) in entry.Where ?? [])
        {
            if (!records.Facts.TryGetValue(name, out var fact))
            {
                errors.Add($"{at}: where.{name}: not a fact of {records.Name} ({string.Join(", ", records.Facts.Keys)})");
                continue;
            }

            var values = element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToList() : [element];
            var constants = values.Select(v => Constant(fact, v, $"{at}: where.{name}", errors)).ToList();
            if (constants.Count == 0 || constants.Any(c => c is null))
            {
                continue;
            }

            var property = Expression.Property(facts, fact);
            body = Expression.AndAlso(body, constants.Select(c => IsSet(fact)
                ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], property, c!)
                : (Expression)Expression.Equal(property, c!)).Aggregate(Expression.OrElse));
            where[name] = values.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList();
        }

        return new Quantity(records, entry.Sum, where, Expression.Lambda(body, facts));
    }

    /// <summary>A fact that is a set of names (the apps a person installed): a filter on it holds when the set has one of the names given.</summary>
    private static bool IsSet(PropertyInfo fact) => fact.PropertyType == typeof(IReadOnlySet<string>);

    /// <summary>
    /// A filter value as a constant of the fact's type: true/false, null for a fact that may be unknown, an enum's
    /// kebab-case name, or a name for a text or a set of names.
    /// </summary>
    private static ConstantExpression? Constant(PropertyInfo fact, JsonElement value, string at, List<string> errors)
    {
        if ((fact.PropertyType == typeof(string) || IsSet(fact)) && value.ValueKind == JsonValueKind.String)
        {
            return Expression.Constant(value.GetString(), typeof(string));
        }

        var type = fact.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (value.ValueKind == JsonValueKind.Null && Nullable.GetUnderlyingType(type) is not null)
        {
            return Expression.Constant(null, type);
        }

        if (underlying == typeof(bool) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return Expression.Constant(value.GetBoolean(), type);
        }

        if (underlying.IsEnum && value.ValueKind == JsonValueKind.String)
        {
            var names = Enum.GetNames(underlying).ToDictionary(n => JsonNamingPolicy.KebabCaseLower.ConvertName(n), StringComparer.OrdinalIgnoreCase);
            if (names.TryGetValue(value.GetString()!, out var name))
            {
                return Expression.Constant(Enum.Parse(underlying, name), type);
            }

            errors.Add($"{at}: '{value.GetString()}' is not one of {string.Join(", ", names.Keys)}");
            return null;
        }

        var expected = underlying.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(underlying).Select(JsonNamingPolicy.KebabCaseLower.ConvertName))
            : underlying == typeof(bool) ? "true or false"
            : "a name in quotes";
        errors.Add($"{at}: {value.GetRawText()} is not a value of this fact ({expected})");
        return null;
    }

    private static string? Code(string? code, string at, List<string> errors)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 40 || !trimmed.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
        {
            errors.Add($"{at}: code: '{code}' must be 1–40 capital letters, digits, '-' or '.'");
            return null;
        }

        return trimmed;
    }

    private static (string Vi, string En) Names(NameEntry? name, string at, List<string> errors)
    {
        var vi = (VietnameseText.Normalize(name?.Vi) ?? string.Empty).Trim();
        var en = (name?.En ?? string.Empty).Trim();
        if (vi.Length == 0 || en.Length == 0)
        {
            errors.Add($"{at}: name: both vi and en must be given");
        }

        return (vi, en);
    }

    private static TEnum Wire<TEnum>(string? value, string at, List<string> errors) where TEnum : struct, Enum
    {
        if (WireNames<TEnum>.TryParse(value, out var parsed))
        {
            return parsed;
        }

        errors.Add($"{at}: '{value}' is not one of {string.Join(", ", WireNames<TEnum>.All)}");
        return default;
    }

    private static T? Missing<T>(string at, List<string> errors) where T : class
    {
        errors.Add($"{at}: must be given");
        return null;
    }

    private sealed record Document(List<IndicatorEntry>? Indicators, List<RuleEntry>? Validation);

    private sealed record NameEntry(string? Vi, string? En);

    private sealed record QuantityEntry(string? Records, string? Sum, Dictionary<string, JsonElement>? Where);

    private sealed record IndicatorEntry(
        string? Code,
        string? Area,
        NameEntry? Name,
        string? Unit,
        string? Direction,
        double? Target,
        QuantityEntry? Numerator,
        QuantityEntry? Denominator,
        bool? Breakdown,
        string? PeerVisibility,
        SourceEntry? Source);

    private sealed record SourceEntry(string? Citation, bool? Verified);

    private sealed record RuleEntry(string? Code, NameEntry? Name, string? Total, List<string>? Parts, QuantityEntry? None);
}
