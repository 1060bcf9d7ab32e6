using System.Text.Json;
using System.Text.Json.Serialization;
using Oversight.Indicators;
using Oversight.Reports;

namespace Oversight.Documents;

/// <summary>
/// What is written for a document in Oversight, as a version keeps it: the narrative of each section by its key
/// (<see cref="ReportSection.Key"/>), the requests, each to a unit by its code with its deadline, and the figures a
/// self-assessment states.
/// </summary>
public sealed record DocumentText(IReadOnlyDictionary<string, string> Narrative, IReadOnlyList<DocumentRequest> Requests)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static DocumentText Empty { get; } = new(new Dictionary<string, string>(), []);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DocumentText FromJson(string json) => JsonSerializer.Deserialize<DocumentText>(json, Json) ?? Empty;

    /// <summary>The figures the unit states in its self-assessment, in the order of its sections; none in other documents.</summary>
    public IReadOnlyList<StatedFigure> Figures { get; init; } = [];

    /// <summary>The narrative written for a section, or nothing.</summary>
    public string For(string key) => Narrative.TryGetValue(key, out var text) ? text : string.Empty;

    /// <summary>Whether it says the same as <paramref name="other"/> (a save that changes nothing makes no version).</summary>
    public bool SameAs(DocumentText other) => ToJson() == other.ToJson();
}

/// <summary>A request of a document: the unit (its code) to do what, by when.</summary>
public sealed record DocumentRequest(string Owner, string Text, DateOnly? DueOn);

/// <summary>
/// A figure a unit states in its self-assessment, in the section with key <paramref name="Section"/>: the sentence that
/// states it, the value as written and its period, and the indicator that gives it from the records (none for a figure
/// no indicator gives). Issuing the self-assessment makes each a claim that reconciliation checks.
/// </summary>
public sealed record StatedFigure(
    string Section, string? Indicator, DateOnly From, DateOnly To, string Description, string Written, ClaimComparison Comparison, long? Numerator, long? Denominator);

/// <summary>The figures a document's versions are written against, in one language: the body with its places for the text, and the annex.</summary>
public sealed record FigureBlocks(IReadOnlyList<ReportBlock> Body, IReadOnlyList<ReportBlock> Annex)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FigureBlocks FromJson(string json) => JsonSerializer.Deserialize<FigureBlocks>(json, Json)!;
}
