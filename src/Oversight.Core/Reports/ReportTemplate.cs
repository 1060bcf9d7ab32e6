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

/// <summary>What a section holds besides its sentences and the narrative written for it.</summary>
public enum ReportSectionKind
{
    /// <summary>The decision that set up the inspection, its team, the unit and period looked at.</summary>
    Basis,

    /// <summary>Only what is written for it.</summary>
    Narrative,

    /// <summary>The table of its area's indicators.</summary>
    Indicators,

    /// <summary>The unit's rank on external indices and among its peers.</summary>
    Rankings,

    /// <summary>The conclusions made and the follow-up tasks they set, with their area's indicators.</summary>
    FollowUp,

    /// <summary>The requests of the report, each to a unit with its deadline: the tasks a conclusion notice sets.</summary>
    Requests,

    /// <summary>
    /// The figures a unit states in its own report, each with its sentence, written in Oversight and offered first as
    /// the records give them (the section's <see cref="ReportSection.Figures"/>); then what is written for it.
    /// </summary>
    Stated,
}

/// <summary>Who issues a document of an inspection: the body that set it up (or its delegation), or the body inspected.</summary>
public enum DocumentIssuer
{
    Decider,
    Inspected,
}

/// <summary>The wording that depends on the issuer's system: the collective signed for, the signer's title, and the opening.</summary>
public sealed record IssuerWording(BilingualText? SignedFor, BilingualText Signer, BilingualText Basis);

/// <summary>The abbreviations in a document's number: its kind ("BC", a report) and its issuer ("ĐKT", the delegation).</summary>
public sealed record DocumentSymbol(string Kind, string Issuer);

/// <summary>
/// A section of a part: its key (what the narrative written for it is kept under), its heading (none for a section that
/// continues its part's opening), the sentences filled from indicator values, and for a section of stated figures the
/// indicators it offers (their codes).
/// </summary>
public sealed record ReportSection(string Key, ReportSectionKind Kind, IndicatorArea? Area, BilingualText? Heading, IReadOnlyList<BilingualText> Sentences, IReadOnlyList<string> Figures);

/// <summary>A numbered part of the report (I. basis and method, II. results…) and its sections; an opening part has no heading.</summary>
public sealed record ReportPart(BilingualText? Heading, IReadOnlyList<ReportSection> Sections);

/// <summary>
/// The report's wording as data (Reports/Templates/inspection-report.json): its header, subject, and parts of sections in
/// the order of the seed report, with sentences whose placeholders name indicators (<c>{CIT.SECRETARY-RESOLVED}</c> the
/// value, <c>.n</c> the numerator, <c>.d</c> the denominator).
/// </summary>
public sealed partial class ReportTemplate
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Lazy<ReportTemplate> ShippedTemplate = new(() => LoadShipped("inspection-report.json"));

    private static readonly Lazy<ReportTemplate> NoticeTemplate = new(() => LoadShipped("conclusion-notice.json"));

    private static readonly Lazy<ReportTemplate> SelfAssessmentTemplate = new(() => LoadShipped("self-assessment.json"));

    private ReportTemplate(Document document, IReadOnlyList<ReportPart> parts)
    {
        Kind = document.Kind!;
        Subject = document.Subject!;
        InspectionSubject = document.InspectionSubject!;
        Issuer = document.Issuer;
        IssuedBy = document.IssuedBy is null ? DocumentIssuer.Decider : WireNames<DocumentIssuer>.FromWire(document.IssuedBy);
        SignedFor = document.SignedFor;
        Annex = document.Annex ?? true;
        Symbol = document.Symbol!;
        IssuerSymbols = (document.IssuerSymbols ?? []).ToDictionary(p => WireNames<DocumentLayoutKind>.FromWire(p.Key), p => (IReadOnlyDictionary<string, string>)p.Value);
        Signer = document.Signer!;
        Recipients = document.Recipients!;
        Basis = document.Basis!;
        StateWording = document.State is { } state ? new IssuerWording(state.SignedFor, state.Signer!, state.Basis!) : null;
        Team = document.Team;
        Introduction = document.Introduction;
        Parts = parts;
    }

    /// <summary>The delegation's report.</summary>
    public static ReportTemplate Shipped => ShippedTemplate.Value;

    /// <summary>The deciding body's notice of its conclusion on the delegation's report, with the tasks it sets.</summary>
    public static ReportTemplate ConclusionNotice => NoticeTemplate.Value;

    /// <summary>The inspected unit's own report to the delegation, with the figures it states.</summary>
    public static ReportTemplate SelfAssessment => SelfAssessmentTemplate.Value;

    private static ReportTemplate LoadShipped(string fileName)
    {
        var resource = $"Oversight.Reports.{fileName}";
        using var stream = typeof(ReportTemplate).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var (template, errors) = Parse(fileName, reader.ReadToEnd(), IndicatorCatalog.Shipped);
        return template ?? throw new InvalidOperationException($"The shipped template {fileName} is broken: " + string.Join("; ", errors));
    }

    public BilingualText Kind { get; }

    /// <summary>With <c>{unit}</c>, <c>{from}</c> and <c>{to}</c>.</summary>
    public BilingualText Subject { get; }

    /// <summary>The subject of an inspection's report, with <c>{inspection}</c> (its title).</summary>
    public BilingualText InspectionSubject { get; }

    /// <summary>Who issues the report ("ĐOÀN KIỂM TRA"), under the body that set up the inspection; none when that body issues it itself.</summary>
    public BilingualText? Issuer { get; }

    /// <summary>Who issues it, numbers it and signs it: the deciding body (the default) or the body inspected.</summary>
    public DocumentIssuer IssuedBy { get; }

    /// <summary>The collective the document is signed for ("BAN THƯỜNG VỤ"); none for the issuer itself.</summary>
    public BilingualText? SignedFor { get; }

    /// <summary>Whether the document has the tables of figures and the annex of their records (a report), or words only (a notice).</summary>
    public bool Annex { get; }

    /// <summary>The abbreviations of the document's kind and issuer that follow its number ("BC", "ĐKT"), in the order the layout puts them.</summary>
    public DocumentSymbol Symbol { get; }

    /// <summary>For a document the body inspected issues: its abbreviation by its layout and the start of its unit's name ("Huyện" → "HU"; "" for any other).</summary>
    public IReadOnlyDictionary<DocumentLayoutKind, IReadOnlyDictionary<string, string>> IssuerSymbols { get; }

    /// <summary>
    /// The abbreviation of a body of <paramref name="layout"/>'s kind leading the unit named <paramref name="unitName"/>:
    /// the longest start of the name <see cref="IssuerSymbols"/> gives, else the symbol's issuer.
    /// </summary>
    public string IssuerSymbolOf(DocumentLayoutKind layout, string unitName) =>
        (IssuerSymbols.TryGetValue(layout, out var symbols) ? symbols : new Dictionary<string, string>())
            .Where(p => p.Key.Length == 0 || unitName.StartsWith(p.Key + " ", StringComparison.Ordinal)).OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault()
        ?? Symbol.Issuer;

    /// <summary>The title the report is signed with ("TRƯỞNG ĐOÀN").</summary>
    public BilingualText Signer { get; }

    /// <summary>A line each, with <c>{decider}</c> (the body that set up the inspection) and <c>{unit}</c> (the unit looked at).</summary>
    public IReadOnlyList<BilingualText> Recipients { get; }

    /// <summary>
    /// The first paragraph of an inspection's report, with <c>{inspection}</c>, <c>{decider}</c>, <c>{decided}</c>,
    /// <c>{concluded}</c> and <c>{decision}</c> (" số 12-QĐ/TU" when the decision's number is known, else nothing).
    /// </summary>
    public BilingualText Basis { get; }

    /// <summary>The wording for a body of the State, when it differs from the Party's (a self-assessment a commune signs).</summary>
    private IssuerWording? StateWording { get; }

    /// <summary>Who signs for whom, and the opening, for an issuer whose documents follow <paramref name="layout"/>.</summary>
    public IssuerWording WordingFor(DocumentLayoutKind layout) =>
        layout == DocumentLayoutKind.State && StateWording is { } state ? state : new IssuerWording(SignedFor, Signer, Basis);

    /// <summary>The delegation's members, with <c>{count}</c> and <c>{members}</c>; none when the document does not list them.</summary>
    public BilingualText? Team { get; }

    /// <summary>The unit and period looked at, with <c>{unit}</c>, <c>{from}</c> and <c>{to}</c>; none when the document does not say.</summary>
    public BilingualText? Introduction { get; }

    public IReadOnlyList<ReportPart> Parts { get; }

    /// <summary>Every section of every part, in order.</summary>
    public IEnumerable<ReportSection> Sections => Parts.SelectMany(p => p.Sections);

    /// <summary>The placeholders of a sentence: an indicator code, optionally with <c>.n</c> or <c>.d</c>.</summary>
    public static IEnumerable<(string Placeholder, string Code, string? Part)> Placeholders(string sentence) =>
        Placeholder().Matches(sentence).Select(m => (m.Value, m.Groups["code"].Value, m.Groups["part"].Success ? m.Groups["part"].Value : null));

    /// <summary>
    /// The sentence without the clauses in square brackets that <paramref name="leaveOut"/> says to leave out, and without
    /// the brackets of the others: "kiểm tra {A} đơn vị[ và {B} đảng viên]".
    /// </summary>
    public static string OptionalClauses(string sentence, Func<string, bool> leaveOut) =>
        OptionalClause().Replace(sentence, m => leaveOut(m.Groups["clause"].Value) ? string.Empty : m.Groups["clause"].Value);

    /// <summary>The text with each <c>{name}</c> replaced by its value.</summary>
    public static string Fill(string text, params (string Name, string Value)[] values) =>
        values.Aggregate(text, (filled, value) => filled.Replace("{" + value.Name + "}", value.Value, StringComparison.Ordinal));

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
        foreach (var (text, at) in new[] { (document.Issuer, "issuer"), (document.SignedFor, "signedFor"), (document.Team, "team"), (document.Introduction, "introduction") })
        {
            if (text is not null)
            {
                Check(text, at);
            }
        }

        if (string.IsNullOrWhiteSpace(document.Symbol?.Kind) || string.IsNullOrWhiteSpace(document.Symbol.Issuer))
        {
            errors.Add($"{fileName}: symbol: both kind and issuer must be given");
        }

        foreach (var layout in (document.IssuerSymbols ?? []).Keys.Where(k => !WireNames<DocumentLayoutKind>.TryParse(k, out _)))
        {
            errors.Add($"{fileName}: issuerSymbols: '{layout}' is not one of {string.Join(", ", WireNames<DocumentLayoutKind>.All)}");
        }

        if (document.IssuedBy is { } issuedBy && !WireNames<DocumentIssuer>.TryParse(issuedBy, out _))
        {
            errors.Add($"{fileName}: issuedBy: '{issuedBy}' is not one of {string.Join(", ", WireNames<DocumentIssuer>.All)}");
        }
        Check(document.Signer, "signer");
        Check(document.Basis, "basis");
        if (document.State is { } state)
        {
            Check(state.Signer, "state: signer");
            Check(state.Basis, "state: basis");
            if (state.SignedFor is not null)
            {
                Check(state.SignedFor, "state: signedFor");
            }
        }
        if (document.Recipients is not { Count: > 0 })
        {
            errors.Add($"{fileName}: recipients: at least one must be given");
        }

        foreach (var (recipient, index) in (document.Recipients ?? []).Select((r, i) => (r, i)))
        {
            Check(recipient, $"recipients[{index}]");
        }

        var parts = new List<ReportPart>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (part, partIndex) in (document.Parts ?? []).Select((p, i) => (p, i)))
        {
            if (part.Heading is not null)
            {
                Check(part.Heading, $"parts[{partIndex}]: heading");
            }

            var sections = new List<ReportSection>();
            foreach (var (section, index) in (part.Sections ?? []).Select((s, i) => (s, i)))
            {
                var at = $"parts[{partIndex}]: sections[{index}]";
                if (section.Key is not { } key || !SectionKey().IsMatch(key))
                {
                    errors.Add($"{fileName}: {at}: key: '{section.Key}' must be lower-case letters and hyphens");
                }
                else if (!keys.Add(key))
                {
                    errors.Add($"{fileName}: {at}: key: '{key}' is the key of an earlier section");
                }

                if (section.Heading is not null)
                {
                    Check(section.Heading, $"{at}: heading");
                }

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

                foreach (var code in (section.Figures ?? []).Where(code => catalog.Find(code) is null))
                {
                    errors.Add($"{fileName}: {at}: figures: '{code}' names no indicator");
                }

                if (section.Figures is { Count: > 0 } && kind != ReportSectionKind.Stated)
                {
                    errors.Add($"{fileName}: {at}: figures: only a section of kind stated offers figures");
                }

                sections.Add(new ReportSection(section.Key ?? "", kind, area, section.Heading, section.Sentences ?? [], section.Figures ?? []));
            }

            parts.Add(new ReportPart(part.Heading, sections));
        }

        if (parts.Count == 0)
        {
            errors.Add($"{fileName}: parts: at least one must be given");
        }

        return errors.Count > 0 ? (null, errors) : (new ReportTemplate(document, parts), []);
    }

    [GeneratedRegex(@"\{(?<code>[A-Z0-9][A-Z0-9.\-]*?)(\.(?<part>n|d))?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\[(?<clause>[^\[\]]*)\]")]
    private static partial Regex OptionalClause();

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex SectionKey();

    private sealed record SectionEntry(string? Key, string? Kind, string? Area, BilingualText? Heading, List<BilingualText>? Sentences, List<string>? Figures);

    private sealed record StateEntry(BilingualText? SignedFor, BilingualText? Signer, BilingualText? Basis);

    private sealed record PartEntry(BilingualText? Heading, List<SectionEntry>? Sections);

    private sealed record Document(
        BilingualText? Kind, BilingualText? Subject, BilingualText? InspectionSubject, BilingualText? Issuer, string? IssuedBy, BilingualText? SignedFor, DocumentSymbol? Symbol, Dictionary<string, Dictionary<string, string>>? IssuerSymbols,
        BilingualText? Signer, List<BilingualText>? Recipients, BilingualText? Basis, StateEntry? State, BilingualText? Team, BilingualText? Introduction, bool? Annex, List<PartEntry>? Parts);
}
