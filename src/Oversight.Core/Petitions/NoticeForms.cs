using System.Text.Json;
using System.Text.RegularExpressions;
using Oversight.Reports;
using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>A paragraph of a notice's form: written only for <paramref name="CaseKinds"/> when given, bold when <paramref name="Bold"/>.</summary>
public sealed record NoticeParagraph(BilingualText Text, IReadOnlySet<CaseKind>? CaseKinds, bool Bold);

/// <summary>
/// The form of a kind of notice: the text it follows, the kinds of case it is issued for, the abbreviation in its number
/// ("TB"), its type ("THÔNG BÁO"), subject (none for a slip), paragraphs, the signer's usual title and the recipients.
/// </summary>
public sealed record NoticeForm(
    NoticeKind Kind,
    LegalSource Source,
    IReadOnlySet<CaseKind> CaseKinds,
    string Symbol,
    BilingualText Type,
    BilingualText? Subject,
    IReadOnlyList<NoticeParagraph> Paragraphs,
    BilingualText Signer,
    IReadOnlyList<BilingualText> Recipients);

/// <summary>How the notices name a kind of case ("khiếu nại") and, for a complaint, its round ("lần đầu").</summary>
public sealed record CaseKindWords(BilingualText Name, BilingualText? Round);

/// <summary>
/// The forms of the notices sent to citizens, as data (Reports/Templates/case-notices.json), with the People's
/// Committee's name as the issuer of an administrative unit's notices; every form with the text it follows, marked
/// unverified until its wording has been compared with that text.
/// </summary>
public sealed partial class NoticeForms
{
    private const string ShippedResource = "Oversight.Reports.case-notices.json";

    /// <summary>Every placeholder a form may use (see the file's opening comment).</summary>
    public static IReadOnlySet<string> Placeholders { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "citizen", "address", "received", "subject", "caseKind", "round", "issuer", "accepted", "recipient", "text", "legalGround", "appointment",
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Lazy<NoticeForms> ShippedForms = new(() =>
    {
        using var stream = typeof(NoticeForms).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"The resource {ShippedResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var (forms, errors) = Parse("case-notices.json", reader.ReadToEnd());
        return forms ?? throw new InvalidOperationException("The shipped notice forms are broken: " + string.Join("; ", errors));
    });

    private readonly IReadOnlyDictionary<NoticeKind, NoticeForm> forms;
    private readonly IReadOnlyDictionary<CaseKind, CaseKindWords> words;

    private NoticeForms(IReadOnlyDictionary<NoticeKind, NoticeForm> forms, IReadOnlyDictionary<CaseKind, CaseKindWords> words, CommitteeWords committee)
    {
        this.forms = forms;
        this.words = words;
        Committee = committee;
    }

    public static NoticeForms Shipped => ShippedForms.Value;

    public NoticeForm this[NoticeKind kind] => forms[kind];

    /// <summary>How a kind of case is named; null for a kind no form is issued for.</summary>
    public CaseKindWords? Words(CaseKind kind) => words.GetValueOrDefault(kind);

    /// <summary>The People's Committee of an administrative unit, the body that issues its notices.</summary>
    public CommitteeWords Committee { get; }

    /// <summary>The placeholders of a text.</summary>
    public static IEnumerable<string> PlaceholdersOf(string text) => Placeholder().Matches(text).Select(m => m.Groups["name"].Value);

    /// <summary>Reads and checks the forms: one of each kind, every text in both languages, every placeholder known.</summary>
    public static (NoticeForms? Forms, IReadOnlyList<string> Errors) Parse(string fileName, string content)
    {
        File? file;
        try
        {
            file = JsonSerializer.Deserialize<File>(content, Json);
        }
        catch (JsonException exception)
        {
            return (null, [$"{fileName}: not a file of notice forms: {exception.Message}"]);
        }

        var errors = new List<string>();

        void Check(BilingualText? text, string at, bool required = true, IReadOnlySet<string>? allowed = null)
        {
            if (text is null && !required)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(text?.Vi) || string.IsNullOrWhiteSpace(text.En))
            {
                errors.Add($"{fileName}: {at}: both vi and en must be given");
                return;
            }

            foreach (var language in new[] { text.Vi, text.En })
            {
                if (ReportTemplate.OptionalClauses(language, _ => true).IndexOfAny(['[', ']']) >= 0)
                {
                    errors.Add($"{fileName}: {at}: a square bracket opens or closes no optional clause");
                }

                foreach (var unknown in PlaceholdersOf(language).Where(p => !(allowed ?? Placeholders).Contains(p)))
                {
                    errors.Add($"{fileName}: {at}: {{{unknown}}} is not a placeholder of the notices");
                }

                if (Placeholder().Replace(language, string.Empty).IndexOfAny(['{', '}']) >= 0)
                {
                    errors.Add($"{fileName}: {at}: a brace opens or closes no placeholder");
                }
            }
        }

        HashSet<CaseKind> CaseKinds(IEnumerable<string>? names, string at)
        {
            var kinds = new HashSet<CaseKind>();
            foreach (var name in names ?? [])
            {
                if (!WireNames<CaseKind>.TryParse(name, out var kind))
                {
                    errors.Add($"{fileName}: {at}: '{name}' is not one of {string.Join(", ", WireNames<CaseKind>.All)}");
                }
                else if (kind == CaseKind.Denunciation)
                {
                    // A notice names the citizen it is sent to; a denouncer's identity is confidential.
                    errors.Add($"{fileName}: {at}: no notice is issued from a denunciation, whose denouncer is confidential");
                }
                else
                {
                    kinds.Add(kind);
                }
            }

            return kinds;
        }

        var words = new Dictionary<CaseKind, CaseKindWords>();
        foreach (var (name, entry) in file?.CaseKinds ?? [])
        {
            var at = $"caseKinds: {name}";
            if (CaseKinds([name], at) is { Count: 1 } kind)
            {
                Check(new BilingualText(entry.Vi ?? "", entry.En ?? ""), at);
                Check(entry.Round, $"{at}: round", required: false);
                words[kind.Single()] = new CaseKindWords(new BilingualText(entry.Vi ?? "", entry.En ?? ""), entry.Round);
            }
        }

        Check(new BilingualText(file?.Committee?.Vi ?? "", file?.Committee?.En ?? ""), "committee", allowed: new HashSet<string>(StringComparer.Ordinal) { "unit" });
        if (file?.Committee is { } committee && (string.IsNullOrWhiteSpace(committee.Symbol) || committee.Vi?.Contains("{unit}", StringComparison.Ordinal) != true || committee.En?.Contains("{unit}", StringComparison.Ordinal) != true))
        {
            errors.Add($"{fileName}: committee: a symbol and {{unit}} in both languages must be given");
        }

        if (string.IsNullOrWhiteSpace(file?.Committee?.Source?.Citation))
        {
            errors.Add($"{fileName}: committee: source: citation: must be given");
        }

        var forms = new Dictionary<NoticeKind, NoticeForm>();
        foreach (var (entry, index) in (file?.Forms ?? []).Select((f, i) => (f, i)))
        {
            var at = $"forms[{index}]";
            if (!WireNames<NoticeKind>.TryParse(entry.Kind, out var kind))
            {
                errors.Add($"{fileName}: {at}: kind: '{entry.Kind}' is not one of {string.Join(", ", WireNames<NoticeKind>.All)}");
                continue;
            }

            at = $"{at} ({entry.Kind})";
            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(entry.Source?.Citation))
            {
                errors.Add($"{fileName}: {at}: source: citation: must be given");
            }

            if (string.IsNullOrWhiteSpace(entry.Symbol) || entry.Symbol.Length > 16)
            {
                errors.Add($"{fileName}: {at}: symbol: from 1 to 16 characters must be given");
            }

            var caseKinds = CaseKinds(entry.CaseKinds, $"{at}: caseKinds");
            if (caseKinds.Count == 0)
            {
                errors.Add($"{fileName}: {at}: caseKinds: at least one must be given");
            }

            foreach (var missing in caseKinds.Where(k => !words.ContainsKey(k)))
            {
                errors.Add($"{fileName}: {at}: caseKinds: {WireNames<CaseKind>.ToWire(missing)} is not named under caseKinds");
            }

            Check(entry.Type, $"{at}: type");
            Check(entry.Subject, $"{at}: subject", required: false);
            Check(entry.Signer, $"{at}: signer");
            if (entry.Paragraphs is not { Count: > 0 })
            {
                errors.Add($"{fileName}: {at}: paragraphs: at least one must be given");
            }

            if (entry.Recipients is not { Count: > 0 })
            {
                errors.Add($"{fileName}: {at}: recipients: at least one must be given");
            }

            var paragraphs = new List<NoticeParagraph>();
            foreach (var (paragraph, number) in (entry.Paragraphs ?? []).Select((p, i) => (p, i)))
            {
                Check(new BilingualText(paragraph.Vi ?? "", paragraph.En ?? ""), $"{at}: paragraphs[{number}]");
                var only = paragraph.CaseKinds is null ? null : CaseKinds(paragraph.CaseKinds, $"{at}: paragraphs[{number}]: caseKinds");
                paragraphs.Add(new NoticeParagraph(new BilingualText(paragraph.Vi ?? "", paragraph.En ?? ""), only, paragraph.Bold));
            }

            foreach (var (recipient, number) in (entry.Recipients ?? []).Select((r, i) => (r, i)))
            {
                Check(recipient, $"{at}: recipients[{number}]");
            }

            if (errors.Count == before && !forms.TryAdd(kind, new NoticeForm(kind, entry.Source!, caseKinds, entry.Symbol!, entry.Type!, entry.Subject, paragraphs, entry.Signer!, entry.Recipients!)))
            {
                errors.Add($"{fileName}: {at}: kind: {entry.Kind} is given twice");
            }
        }

        foreach (var missing in Enum.GetValues<NoticeKind>().Where(k => !forms.ContainsKey(k)))
        {
            errors.Add($"{fileName}: forms: none is of kind {WireNames<NoticeKind>.ToWire(missing)}");
        }

        return errors.Count > 0
            ? (null, errors)
            : (new NoticeForms(forms, words, new CommitteeWords(new BilingualText(file!.Committee!.Vi!, file.Committee.En!), file.Committee.Symbol!, file.Committee.Source!)), []);
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}")]
    private static partial Regex Placeholder();

    private sealed class File
    {
        public CommitteeEntry? Committee { get; set; }

        public Dictionary<string, CaseKindEntry>? CaseKinds { get; set; }

        public List<FormEntry>? Forms { get; set; }
    }

    private sealed record CaseKindEntry(string? Vi, string? En, BilingualText? Round);

    private sealed record CommitteeEntry(string? Vi, string? En, string? Symbol, LegalSource? Source);

    private sealed record ParagraphEntry(string? Vi, string? En, List<string>? CaseKinds, bool Bold);

    private sealed record FormEntry(
        string? Kind, LegalSource? Source, List<string>? CaseKinds, string? Symbol, BilingualText? Type, BilingualText? Subject, List<ParagraphEntry>? Paragraphs,
        BilingualText? Signer, List<BilingualText>? Recipients);
}

/// <summary>
/// The name of an administrative unit's People's Committee (with <c>{unit}</c>, the unit's name) and the abbreviation
/// of it in a document's number ("UBND").
/// </summary>
public sealed record CommitteeWords(BilingualText Name, string Symbol, LegalSource Source);
