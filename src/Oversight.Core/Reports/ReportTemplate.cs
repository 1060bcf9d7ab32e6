using System.Text.Json;
using System.Text.RegularExpressions;
using Oversight.Indicators;
using Oversight.Text;

namespace Oversight.Reports;

/// <summary>A text in Vietnamese and in English.</summary>
public sealed record BilingualText(string Vi, string En)
{
    public string In(bool english) => english ? En : Vi;
}

/// <summary>What a section holds besides its sentences.</summary>
public enum ReportSectionKind
{
    /// <summary>The table of its area's indicators.</summary>
    Indicators,

    /// <summary>Sentences only.</summary>
    Text,

    /// <summary>Where the unit ranks among its peers.</summary>
    Rankings,

    /// <summary>The conclusions made and the follow-up tasks they set, with their area's indicators.</summary>
    FollowUp,

    /// <summary>The unit's reported figures reconciled with the records, and the validation rules.</summary>
    Reconciliation,
}

/// <summary>The abbreviations in a document's number: its kind ("BC", a report) and its issuer ("ĐKT", the delegation).</summary>
public sealed record DocumentSymbol(string Kind, string Issuer);

public sealed record ReportSection(ReportSectionKind Kind, IndicatorArea? Area, BilingualText Heading, IReadOnlyList<BilingualText> Sentences);

/// <summary>
/// The report's wording as data (Reports/Templates/inspection-report.json): its header, subject and sections in the
/// order of the seed report, with sentences whose placeholders name indicators (<c>{CIT.SECRETARY-RESOLVED}</c> the
/// value, <c>.n</c> the numerator, <c>.d</c> the denominator).
/// </summary>
public sealed partial class ReportTemplate
{
    private const string ShippedResource = "Oversight.Reports.inspection-report.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Lazy<ReportTemplate> ShippedTemplate = new(() =>
    {
        using var stream = typeof(ReportTemplate).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"The resource {ShippedResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var (template, errors) = Parse("inspection-report.json", reader.ReadToEnd(), IndicatorCatalog.Shipped);
        return template ?? throw new InvalidOperationException("The shipped report template is broken: " + string.Join("; ", errors));
    });

    private ReportTemplate(Document document, IReadOnlyList<ReportSection> sections)
    {
        Kind = document.Kind!;
        Subject = document.Subject!;
        InspectionSubject = document.InspectionSubject!;
        Issuer = document.Issuer!;
        Symbol = document.Symbol!;
        Signer = document.Signer!;
        Recipients = document.Recipients!;
        Basis = document.Basis!;
        Introduction = document.Introduction!;
        Sections = sections;
    }

    public static ReportTemplate Shipped => ShippedTemplate.Value;

    public BilingualText Kind { get; }

    /// <summary>With <c>{unit}</c>, <c>{from}</c> and <c>{to}</c>.</summary>
    public BilingualText Subject { get; }

    /// <summary>The subject of an inspection's report, with <c>{inspection}</c> (its title).</summary>
    public BilingualText InspectionSubject { get; }

    /// <summary>Who issues the report ("ĐOÀN KIỂM TRA"), under the body that set it up.</summary>
    public BilingualText Issuer { get; }

    /// <summary>The abbreviations of the document's kind and issuer that follow its number ("BC", "ĐKT"), in the order the layout puts them.</summary>
    public DocumentSymbol Symbol { get; }

    /// <summary>The title the report is signed with ("TRƯỞNG ĐOÀN").</summary>
    public BilingualText Signer { get; }

    /// <summary>A line each, with <c>{decider}</c> (the body that set up the inspection) and <c>{unit}</c> (the unit looked at).</summary>
    public IReadOnlyList<BilingualText> Recipients { get; }

    /// <summary>The first paragraph of an inspection's report, with <c>{inspection}</c>, <c>{decider}</c> and <c>{decided}</c>.</summary>
    public BilingualText Basis { get; }

    /// <summary>With <c>{unit}</c>, <c>{from}</c>, <c>{to}</c> and <c>{reconciliation}</c> (the number of that section).</summary>
    public BilingualText Introduction { get; }

    public IReadOnlyList<ReportSection> Sections { get; }

    /// <summary>The placeholders of a sentence: an indicator code, optionally with <c>.n</c> or <c>.d</c>.</summary>
    public static IEnumerable<(string Placeholder, string Code, string? Part)> Placeholders(string sentence) =>
        Placeholder().Matches(sentence).Select(m => (m.Value, m.Groups["code"].Value, m.Groups["part"].Success ? m.Groups["part"].Value : null));

    /// <summary>
    /// The sentence without the clauses in square brackets that <paramref name="leaveOut"/> says to leave out, and without
    /// the brackets of the others: "kiểm tra {A} đơn vị[ và {B} đảng viên]".
    /// </summary>
    public static string OptionalClauses(string sentence, Func<string, bool> leaveOut) =>
        OptionalClause().Replace(sentence, m => leaveOut(m.Groups["clause"].Value) ? string.Empty : m.Groups["clause"].Value);

    /// <summary>Reads and checks a template: every text in both languages, every placeholder an indicator of <paramref name="catalog"/>.</summary>
    public static (ReportTemplate? Template, IReadOnlyList<string> Errors) Parse(string fileName, string content, IndicatorCatalog catalog)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(content, Json);
        }
        catch (JsonException exception)
        {
            return (null, [$"{fileName}: not a report template: {exception.Message}"]);
        }

        var errors = new List<string>();
        if (document is null)
        {
            return (null, [$"{fileName}: empty"]);
        }

        void Check(BilingualText? text, string at)
        {
            if (string.IsNullOrWhiteSpace(text?.Vi) || string.IsNullOrWhiteSpace(text.En))
            {
                errors.Add($"{fileName}: {at}: both vi and en must be given");
                return;
            }

            if (new[] { text.Vi, text.En }.Any(t => OptionalClause().Replace(t, string.Empty).IndexOfAny(['[', ']']) >= 0))
            {
                errors.Add($"{fileName}: {at}: a square bracket opens or closes no optional clause");
            }

            foreach (var (placeholder, code, _) in Placeholders(text.Vi).Concat(Placeholders(text.En)))
            {
                if (catalog.Find(code) is null)
                {
                    errors.Add($"{fileName}: {at}: {placeholder} names no indicator");
                }
            }
        }

        Check(document.Kind, "kind");
        Check(document.Subject, "subject");
        Check(document.InspectionSubject, "inspectionSubject");
        Check(document.Issuer, "issuer");
        if (string.IsNullOrWhiteSpace(document.Symbol?.Kind) || string.IsNullOrWhiteSpace(document.Symbol.Issuer))
        {
            errors.Add($"{fileName}: symbol: both kind and issuer must be given");
        }
        Check(document.Signer, "signer");
        Check(document.Basis, "basis");
        Check(document.Introduction, "introduction");
        if (document.Recipients is not { Count: > 0 })
        {
            errors.Add($"{fileName}: recipients: at least one must be given");
        }

        foreach (var (recipient, index) in (document.Recipients ?? []).Select((r, i) => (r, i)))
        {
            Check(recipient, $"recipients[{index}]");
        }

        var sections = new List<ReportSection>();
        foreach (var (section, index) in (document.Sections ?? []).Select((s, i) => (s, i)))
        {
            var at = $"sections[{index}]";
            Check(section.Heading, $"{at}: heading");
            foreach (var (sentence, number) in (section.Sentences ?? []).Select((s, i) => (s, i)))
            {
                Check(sentence, $"{at}: sentences[{number}]");
            }

            if (!WireNames<ReportSectionKind>.TryParse(section.Kind, out var kind))
            {
                errors.Add($"{fileName}: {at}: kind: '{section.Kind}' is not one of {string.Join(", ", WireNames<ReportSectionKind>.All)}");
            }

            IndicatorArea? area = null;
            if (section.Area is not null)
            {
                area = WireNames<IndicatorArea>.TryParse(section.Area, out var parsed) ? parsed : null;
                if (area is null)
                {
                    errors.Add($"{fileName}: {at}: area: '{section.Area}' is not one of {string.Join(", ", WireNames<IndicatorArea>.All)}");
                }
            }
            else if (kind is ReportSectionKind.Indicators or ReportSectionKind.FollowUp)
            {
                errors.Add($"{fileName}: {at}: area: must be given for a section of kind {section.Kind}");
            }

            if (section.Heading is not null)
            {
                sections.Add(new ReportSection(kind, area, section.Heading, section.Sentences ?? []));
            }
        }

        if (!sections.Any(s => s.Kind == ReportSectionKind.Reconciliation))
        {
            errors.Add($"{fileName}: sections: one must be of kind reconciliation");
        }

        return errors.Count > 0 ? (null, errors) : (new ReportTemplate(document, sections), []);
    }

    [GeneratedRegex(@"\{(?<code>[A-Z0-9][A-Z0-9.\-]*?)(\.(?<part>n|d))?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\[(?<clause>[^\[\]]*)\]")]
    private static partial Regex OptionalClause();

    private sealed record SectionEntry(string? Kind, string? Area, BilingualText? Heading, List<BilingualText>? Sentences);

    private sealed record Document(
        BilingualText? Kind, BilingualText? Subject, BilingualText? InspectionSubject, BilingualText? Issuer, DocumentSymbol? Symbol, BilingualText? Signer,
        List<BilingualText>? Recipients, BilingualText? Basis, BilingualText? Introduction, List<SectionEntry>? Sections);
}
