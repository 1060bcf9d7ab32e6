using System.Globalization;
using System.Text.Json;
using Oversight.Organisation;
using Oversight.Text;

namespace Oversight.Reports;

/// <summary>Whose rules a document's layout follows: the Party's or the State's.</summary>
public enum DocumentLayoutKind
{
    /// <summary>Documents of Party committees and bodies and their delegations (Guideline 36-HD/VPTW).</summary>
    Party,

    /// <summary>Documents of People's Committees and other state bodies (Decree 30/2020/NĐ-CP).</summary>
    State,
}

/// <summary>Page margins in millimetres.</summary>
public sealed record DocumentMargins(double Top, double Bottom, double Left, double Right);

/// <summary>
/// The layout of an official document as data (Reports/Templates/document-layouts.json): margins, font, the sizes of each
/// part, and the wording of the header block, the number, the place and date, the signature and the recipients; every
/// value with the text it comes from, marked unverified until checked against it.
/// </summary>
public sealed class DocumentLayout
{
    private const string ShippedResource = "Oversight.Reports.document-layouts.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Lazy<IReadOnlyDictionary<DocumentLayoutKind, DocumentLayout>> ShippedLayouts = new(() =>
    {
        using var stream = typeof(DocumentLayout).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"The resource {ShippedResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var (layouts, errors) = Parse("document-layouts.json", reader.ReadToEnd());
        return layouts ?? throw new InvalidOperationException("The shipped document layouts are broken: " + string.Join("; ", errors));
    });

    private DocumentLayout(DocumentLayoutKind kind, Entry entry)
    {
        Kind = kind;
        Source = entry.Source!;
        Margins = new DocumentMargins(entry.Margins!.Top, entry.Margins.Bottom, entry.Margins.Left, entry.Margins.Right);
        Font = entry.Font!.Value!;
        Title = entry.Title!.Lines!;
        TitleSize = entry.Title.Size;
        IssuerSize = entry.Issuer!.Size;
        IssuerMark = entry.Issuer.Mark!;
        Number = new BilingualText(entry.Number!.Vi!, entry.Number.En!);
        NumberSize = entry.Number.Size;
        PlaceAndDate = new BilingualText(entry.PlaceAndDate!.Vi!, entry.PlaceAndDate.En!);
        PlaceAndDateSize = entry.PlaceAndDate.Size;
        DocumentTypeSize = entry.DocumentType!.Size;
        SubjectSize = entry.Subject!.Size;
        BodySize = entry.Body!.Size;
        IndentMm = entry.Body.IndentMm;
        SignedFor = entry.Signature!.SignedFor!;
        SignatureSize = entry.Signature.Size;
        RecipientsHeading = entry.Recipients!.Heading!;
        RecipientsHeadingSize = entry.Recipients.HeadingSize;
        RecipientsSize = entry.Recipients.Size;
    }

    public static IReadOnlyDictionary<DocumentLayoutKind, DocumentLayout> Shipped => ShippedLayouts.Value;

    /// <summary>
    /// The layout of the documents <paramref name="issuer"/> issues on <paramref name="day"/>: the Party's for a Party
    /// committee or branch and for the bodies under one (its Standing Committee, its Inspection Committee), else the State's.
    /// </summary>
    public static DocumentLayout For(UnitGraph graph, UnitSnapshot issuer, DateOnly day)
    {
        var party = new[] { issuer }.Concat(graph.Ancestors(issuer.Id, day).Reverse())
            .TakeWhile(u => !u.Kind.IsAdministrative())
            .Any(u => u.Kind is UnitKind.PartyCommittee or UnitKind.PartyBranch);
        return Shipped[party ? DocumentLayoutKind.Party : DocumentLayoutKind.State];
    }

    public DocumentLayoutKind Kind { get; }

    /// <summary>The text the values come from, and whether they have been checked against it.</summary>
    public LegalSource Source { get; }

    public DocumentMargins Margins { get; }

    public string Font { get; }

    /// <summary>The lines at the top right: the Party's name, or the national name and motto.</summary>
    public IReadOnlyList<BilingualText> Title { get; }

    public double TitleSize { get; }

    public double IssuerSize { get; }

    /// <summary>What stands under the issuer's name: the Party's asterisk or the State's rule.</summary>
    public string IssuerMark { get; }

    /// <summary>With <c>{number}</c>, <c>{kind}</c> (the document kind's abbreviation, "BC") and <c>{issuer}</c> (the issuer's, "ĐKT").</summary>
    public BilingualText Number { get; }

    public double NumberSize { get; }

    /// <summary>With <c>{place}</c>, and <c>{day}</c>, <c>{month}</c>, <c>{year}</c> or <c>{date}</c>.</summary>
    public BilingualText PlaceAndDate { get; }

    public double PlaceAndDateSize { get; }

    /// <summary>The document's type in capitals ("BÁO CÁO").</summary>
    public double DocumentTypeSize { get; }

    public double SubjectSize { get; }

    public double BodySize { get; }

    /// <summary>The indent of a paragraph's first line.</summary>
    public double IndentMm { get; }

    /// <summary>Before the collective a person signs for: "T/M", "TM.".</summary>
    public BilingualText SignedFor { get; }

    public double SignatureSize { get; }

    public BilingualText RecipientsHeading { get; }

    public double RecipientsHeadingSize { get; }

    public double RecipientsSize { get; }

    /// <summary>The number line: the document's number, the abbreviations of its kind ("BC") and of its issuer ("ĐKT").</summary>
    public string NumberLine(bool english, string number, string kind, string issuer) =>
        ReportTemplate.Fill(Number.In(english), ("number", number), ("kind", kind), ("issuer", issuer));

    /// <summary>
    /// The place and date line: a day below 10 and the months January and February with a leading zero, as both the
    /// Party's and the State's rules write them ("ngày 05 tháng 02 năm 2024").
    /// </summary>
    public string PlaceAndDateLine(bool english, string place, DateOnly day) => ReportTemplate.Fill(
        PlaceAndDate.In(english),
        ("place", place),
        ("day", day.Day.ToString(day.Day < 10 ? "00" : "0", CultureInfo.InvariantCulture)),
        ("month", day.Month.ToString(day.Month < 3 ? "00" : "0", CultureInfo.InvariantCulture)),
        ("year", day.Year.ToString(CultureInfo.InvariantCulture)),
        ("date", Formats.Date(day, CultureInfo.GetCultureInfo(english ? "en-GB" : "vi-VN"))));

    /// <summary>Reads and checks the layouts: both kinds, every value in its range and with its citation.</summary>
    public static (IReadOnlyDictionary<DocumentLayoutKind, DocumentLayout>? Layouts, IReadOnlyList<string> Errors) Parse(string fileName, string content)
    {
        File? file;
        try
        {
            file = JsonSerializer.Deserialize<File>(content, Json);
        }
        catch (JsonException exception)
        {
            return (null, [$"{fileName}: not a file of document layouts: {exception.Message}"]);
        }

        var errors = new List<string>();
        var layouts = new Dictionary<DocumentLayoutKind, DocumentLayout>();
        foreach (var (entry, index) in (file?.Layouts ?? []).Select((f, i) => (f, i)))
        {
            var at = $"{fileName}: layouts[{index}]";
            if (!WireNames<DocumentLayoutKind>.TryParse(entry.Kind, out var kind))
            {
                errors.Add($"{at}: kind: '{entry.Kind}' is not one of {string.Join(", ", WireNames<DocumentLayoutKind>.All)}");
                continue;
            }

            var before = errors.Count;
            Check(errors, $"{at} ({entry.Kind})", entry);
            if (errors.Count == before && !layouts.TryAdd(kind, new DocumentLayout(kind, entry)))
            {
                errors.Add($"{at}: kind: {entry.Kind} is given twice");
            }
        }

        foreach (var missing in Enum.GetValues<DocumentLayoutKind>().Where(k => !layouts.ContainsKey(k)))
        {
            errors.Add($"{fileName}: layouts: none is of kind {WireNames<DocumentLayoutKind>.ToWire(missing)}");
        }

        return errors.Count > 0 ? (null, errors) : (layouts, []);
    }

    private static void Check(List<string> errors, string at, Entry entry)
    {
        void Cited(string field, string? citation)
        {
            if (string.IsNullOrWhiteSpace(citation))
            {
                errors.Add($"{at}: {field}: citation: must be given");
            }
        }

        void Size(string field, double size)
        {
            if (size is < 8 or > 30)
            {
                errors.Add($"{at}: {field}: size: {size} is not between 8 and 30 points");
            }
        }

        void Wording(string field, string? vi, string? en, params string[] placeholders)
        {
            if (string.IsNullOrWhiteSpace(vi) || string.IsNullOrWhiteSpace(en))
            {
                errors.Add($"{at}: {field}: both vi and en must be given");
                return;
            }

            foreach (var placeholder in placeholders.Where(p => !vi.Contains(p, StringComparison.Ordinal)))
            {
                errors.Add($"{at}: {field}: vi: {placeholder} is missing");
            }
        }

        if (string.IsNullOrWhiteSpace(entry.Source?.Citation))
        {
            errors.Add($"{at}: source: citation: must be given");
        }

        if (entry.Margins is not { } margins || new[] { margins.Top, margins.Bottom, margins.Left, margins.Right }.Any(m => m is < 5 or > 50))
        {
            errors.Add($"{at}: margins: top, bottom, left and right must each be between 5 and 50 mm");
        }

        Cited("margins", entry.Margins?.Citation);
        if (string.IsNullOrWhiteSpace(entry.Font?.Value))
        {
            errors.Add($"{at}: font: value: must be given");
        }

        Cited("font", entry.Font?.Citation);
        if (entry.Title?.Lines is not { Count: > 0 } lines || lines.Any(l => string.IsNullOrWhiteSpace(l.Vi) || string.IsNullOrWhiteSpace(l.En)))
        {
            errors.Add($"{at}: title: lines: at least one, each in vi and en");
        }

        Wording("number", entry.Number?.Vi, entry.Number?.En, "{number}", "{kind}", "{issuer}");
        Wording("placeAndDate", entry.PlaceAndDate?.Vi, entry.PlaceAndDate?.En, "{place}", "{day}", "{month}", "{year}");
        Wording("signature: signedFor", entry.Signature?.SignedFor?.Vi, entry.Signature?.SignedFor?.En);
        Wording("recipients: heading", entry.Recipients?.Heading?.Vi, entry.Recipients?.Heading?.En);
        if (string.IsNullOrWhiteSpace(entry.Issuer?.Mark))
        {
            errors.Add($"{at}: issuer: mark: must be given");
        }

        if (entry.Body is { IndentMm: < 0 or > 30 })
        {
            errors.Add($"{at}: body: indentMm: {entry.Body.IndentMm} is not between 0 and 30");
        }

        foreach (var (field, part) in new (string, Part?)[]
        {
            ("title", entry.Title), ("issuer", entry.Issuer), ("number", entry.Number), ("placeAndDate", entry.PlaceAndDate), ("documentType", entry.DocumentType),
            ("subject", entry.Subject), ("body", entry.Body), ("signature", entry.Signature), ("recipients", entry.Recipients),
        })
        {
            if (part is null)
            {
                errors.Add($"{at}: {field}: must be given");
                continue;
            }

            Size(field, part.Size);
            Cited(field, part.Citation);
        }

        if (entry.Recipients is { } recipients)
        {
            Size("recipients: headingSize", recipients.HeadingSize);
        }
    }

    private sealed class File
    {
        public List<Entry>? Layouts { get; set; }
    }

    private sealed class Entry
    {
        public string? Kind { get; set; }

        public LegalSource? Source { get; set; }

        public MarginsPart? Margins { get; set; }

        public FontPart? Font { get; set; }

        public TitlePart? Title { get; set; }

        public IssuerPart? Issuer { get; set; }

        public WordedPart? Number { get; set; }

        public WordedPart? PlaceAndDate { get; set; }

        public Part? DocumentType { get; set; }

        public Part? Subject { get; set; }

        public BodyPart? Body { get; set; }

        public SignaturePart? Signature { get; set; }

        public RecipientsPart? Recipients { get; set; }
    }

    private class Part
    {
        public double Size { get; set; }

        public string? Citation { get; set; }
    }

    private sealed class MarginsPart
    {
        public double Top { get; set; }

        public double Bottom { get; set; }

        public double Left { get; set; }

        public double Right { get; set; }

        public string? Citation { get; set; }
    }

    private sealed class FontPart
    {
        public string? Value { get; set; }

        public string? Citation { get; set; }
    }

    private sealed class TitlePart : Part
    {
        public List<BilingualText>? Lines { get; set; }
    }

    private sealed class IssuerPart : Part
    {
        public string? Mark { get; set; }
    }

    private sealed class WordedPart : Part
    {
        public string? Vi { get; set; }

        public string? En { get; set; }
    }

    private sealed class BodyPart : Part
    {
        public double IndentMm { get; set; }
    }

    private sealed class SignaturePart : Part
    {
        public BilingualText? SignedFor { get; set; }
    }

    private sealed class RecipientsPart : Part
    {
        public BilingualText? Heading { get; set; }

        public double HeadingSize { get; set; }
    }
}
