using System.Globalization;
using System.Text.Json.Serialization;
using Oversight.Text;

namespace Oversight.Reports;

/// <summary>
/// A report as a sequence of blocks, independent of its format: the DOCX, PDF, HTML and XLSX writers each render the
/// same document, so every format says the same thing, laid out by <paramref name="Layout"/> (the Party's or the State's).
/// </summary>
/// <param name="Layout">The layout of the issuing body's documents.</param>
/// <param name="Header">The header block of an official document.</param>
/// <param name="Kind">The kind of document in capitals ("BÁO CÁO").</param>
/// <param name="Subject">What it is about, under the kind.</param>
/// <param name="Body">The parts and their sections, in order; until <see cref="Complete"/> with the places for what is written in Oversight.</param>
/// <param name="Signature">Who signs, for whom.</param>
/// <param name="Recipients">Where the document goes, a line each.</param>
/// <param name="Annex">The annex: tables tracing each figure to its records.</param>
/// <param name="English">Whether it is written in English.</param>
public sealed record ReportDocument(
    DocumentLayout Layout,
    ReportHeader Header,
    string Kind,
    string Subject,
    IReadOnlyList<ReportBlock> Body,
    ReportSignature Signature,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<ReportBlock> Annex,
    bool English)
{
    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    /// <summary>Every table of the body and the annex, in order (the XLSX annex has one sheet each).</summary>
    public IEnumerable<ReportTable> Tables => Body.Concat(Annex).OfType<ReportTable>();

    private CultureInfo Culture => CultureInfo.GetCultureInfo(English ? "en-GB" : "vi-VN");

    /// <summary>
    /// The document as it is signed: the narrative and requests written for it in the places kept for them, the headings
    /// of sections left empty removed (a document has no empty section), and the others numbered: I, II… for parts (in
    /// capitals), 1, 2… for the sections of a part.
    /// </summary>
    public ReportDocument Complete(ReportText text)
    {
        var filled = new List<ReportBlock>();
        foreach (var block in Body)
        {
            switch (block)
            {
                case ReportNarrative narrative:
                    filled.AddRange(text.Paragraphs(narrative.Key).Select(p => new ReportParagraph(p)));
                    break;
                case ReportRequests:
                    filled.AddRange(text.Requests.Select((r, i) => new ReportParagraph($"{i + 1}. {r.Line(English, Culture)}")));
                    break;
                default:
                    filled.Add(block);
                    break;
            }
        }

        return this with { Body = Numbered(WithoutEmptySections(filled)) };
    }

    /// <summary>The blocks without the headings that nothing follows before the next heading of the same or a higher level.</summary>
    private static List<ReportBlock> WithoutEmptySections(List<ReportBlock> blocks)
    {
        var kept = new List<ReportBlock>();
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            if (blocks[i] is ReportHeading heading && (kept.Count == 0 || kept[^1] is ReportHeading next && next.Level <= heading.Level))
            {
                continue;
            }

            kept.Add(blocks[i]);
        }

        kept.Reverse();
        return kept;
    }

    private List<ReportBlock> Numbered(List<ReportBlock> blocks)
    {
        var (part, section) = (0, 0);
        var numbered = new List<ReportBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ReportHeading { Level: 1 } heading:
                    (part, section) = (part + 1, 0);
                    numbered.Add(heading with { Text = $"{Roman[part - 1]}. {heading.Text.ToUpper(Culture)}" });
                    break;
                case ReportHeading heading:
                    numbered.Add(heading with { Text = $"{++section}. {heading.Text}" });
                    break;
                default:
                    numbered.Add(block);
                    break;
            }
        }

        return numbered;
    }

    /// <summary>
    /// The header block's two columns, as the layout styles them: the body above, the issuer (bold), each a line per line
    /// of its name, the layout's mark and the number; the title lines (bold), a rule, the place and date (italic).
    /// </summary>
    public (IReadOnlyList<BlockLine> Left, IReadOnlyList<BlockLine> Right) HeaderLines()
    {
        var left = (Header.BodyAbove?.Split('\n') ?? []).Select(line => new BlockLine(line, Layout.IssuerSize)).ToList();
        left.AddRange(Header.Issuer.Split('\n').Select(line => new BlockLine(line, Layout.IssuerSize, Bold: true)));
        left.AddRange([new(Layout.IssuerMark, Layout.IssuerSize), new(Header.Number, Layout.NumberSize)]);
        var right = Header.Title.Select((line, i) => new BlockLine(line, i == 0 ? Layout.TitleSize : Layout.TitleSize + 1, Bold: true)).ToList();
        right.AddRange([new("————————", Layout.TitleSize), new(Header.PlaceAndDate, Layout.PlaceAndDateSize, Italic: true)]);
        return (left, right);
    }

    /// <summary>
    /// The block after the body, as the layout styles it: the recipients on the left (their heading underlined in the
    /// Party's layout, bold italic in the State's), the signature on the right with room to sign above the name.
    /// </summary>
    public (IReadOnlyList<BlockLine> Left, IReadOnlyList<BlockLine> Right) SigningLines()
    {
        var party = Layout.Kind == DocumentLayoutKind.Party;
        var recipients = new List<BlockLine> { new(Layout.RecipientsHeading.In(English), Layout.RecipientsHeadingSize, Bold: !party, Italic: !party, Underline: party, Left: true) };
        recipients.AddRange(Recipients.Select(r => new BlockLine(r, Layout.RecipientsSize, Left: true)));
        var signature = new List<BlockLine>();
        if (Signature.SignedFor.Length > 0)
        {
            signature.Add(new(Signature.SignedFor, Layout.SignatureSize, Bold: true));
        }

        signature.Add(new(Signature.Title, Layout.SignatureSize, Bold: true));
        signature.AddRange(Enumerable.Repeat(new BlockLine(" ", Layout.SignatureSize), 4));
        signature.Add(new(Signature.Name ?? " ", Layout.SignatureSize, Bold: true));
        return (recipients, signature);
    }
}

/// <summary>A line of the header or signing block: centred unless <paramref name="Left"/>; sizes in points.</summary>
public sealed record BlockLine(string Text, double Size, bool Bold = false, bool Italic = false, bool Underline = false, bool Left = false);

/// <summary>
/// The header block: on the left the body above the issuer (none for a body at the top), the issuer, the layout's mark
/// under it and the document's number; on the right the layout's title lines (the Party's name, or the national name and
/// motto) with the place and date under them.
/// </summary>
public sealed record ReportHeader(string? BodyAbove, string Issuer, string Number, IReadOnlyList<string> Title, string PlaceAndDate);

/// <summary>
/// The signature block: the collective signed for ("T/M ĐOÀN KIỂM TRA"; empty when the signer signs in their own
/// name), the signer's title ("TRƯỞNG ĐOÀN") and name, none while the signer is not known (left to be written by hand).
/// </summary>
public sealed record ReportSignature(string SignedFor, string Title, string? Name);

/// <summary>A block of the body or the annex; kept as JSON when a document's figures are locked to its versions.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "block")]
[JsonDerivedType(typeof(ReportHeading), "heading")]
[JsonDerivedType(typeof(ReportParagraph), "paragraph")]
[JsonDerivedType(typeof(ReportTable), "table")]
[JsonDerivedType(typeof(ReportNarrative), "narrative")]
[JsonDerivedType(typeof(ReportRequests), "requests")]
public abstract record ReportBlock;

/// <summary>A heading: level 1 for a part (I, II…), 2 for a section of it (1, 2…); numbered when the document is completed.</summary>
public sealed record ReportHeading(int Level, string Text) : ReportBlock;

/// <summary>A paragraph of runs; the first line is indented as body text is.</summary>
public sealed record ReportParagraph(IReadOnlyList<ReportRun> Runs) : ReportBlock
{
    /// <summary>A paragraph of plain text (internal, so that JSON reads a paragraph through its one public constructor).</summary>
    internal ReportParagraph(string text)
        : this([new ReportRun(text)])
    {
    }

    [JsonIgnore]
    public string Text => string.Concat(Runs.Select(r => r.Text));
}

/// <summary>Where the narrative written for a section (by its key) goes, until the document is completed.</summary>
public sealed record ReportNarrative(string Key) : ReportBlock;

/// <summary>Where the report's requests go, until the document is completed.</summary>
public sealed record ReportRequests : ReportBlock;

/// <summary>The number a document was issued with, and the day.</summary>
public sealed record ReportIssue(int Number, DateOnly On);

/// <summary>What is written in Oversight for a document: the narrative of each section by its key, and the requests.</summary>
public sealed record ReportText(IReadOnlyDictionary<string, string> Narrative, IReadOnlyList<ReportRequest> Requests)
{
    public static ReportText Empty { get; } = new(new Dictionary<string, string>(), []);

    /// <summary>The paragraphs written for a section: its text's non-blank lines.</summary>
    public IEnumerable<string> Paragraphs(string key) =>
        Narrative.TryGetValue(key, out var text) ? text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0) : [];
}

/// <summary>A request of the report: what the unit named is to do, by when (none for a standing request).</summary>
public sealed record ReportRequest(string Owner, string Text, DateOnly? DueOn)
{
    /// <summary>"Huyện ủy Chương Mỹ: rà soát … Thời hạn: 31/12/2024."</summary>
    public string Line(bool english, CultureInfo culture)
    {
        var text = Text.TrimEnd('.', ';', ' ');
        return DueOn is { } due
            ? $"{Owner}: {text}. {(english ? "Deadline" : "Thời hạn")}: {Formats.Date(due, culture)}."
            : $"{Owner}: {text}.";
    }
}

/// <summary>Text with its emphasis: bold for what needs attention (a figure that does not reconcile).</summary>
public sealed record ReportRun(string Text, bool Bold = false, bool Italic = false);

/// <summary>
/// A table with a caption, column headers and relative column widths. A row marked <c>Emphasis</c> is printed bold
/// (a claim that does not reconcile, an overdue task).
/// </summary>
public sealed record ReportTable(string Caption, string SheetName, IReadOnlyList<string> Columns, IReadOnlyList<double> Widths, IReadOnlyList<ReportRow> Rows) : ReportBlock;

public sealed record ReportRow(IReadOnlyList<string> Cells, bool Emphasis = false);
