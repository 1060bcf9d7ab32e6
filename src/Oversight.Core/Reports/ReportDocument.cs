namespace Oversight.Reports;

/// <summary>
/// A report as a sequence of blocks, independent of its format: the DOCX, PDF, HTML and XLSX writers each render the
/// same document, so every format says the same thing, laid out by <paramref name="Layout"/> (the Party's or the State's).
/// </summary>
/// <param name="Layout">The layout of the issuing body's documents.</param>
/// <param name="Header">The header block of an official document.</param>
/// <param name="Kind">The kind of document in capitals ("BÁO CÁO").</param>
/// <param name="Subject">What it is about, under the kind.</param>
/// <param name="Body">The sections, in order.</param>
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
    /// <summary>Every table of the body and the annex, in order (the XLSX annex has one sheet each).</summary>
    public IEnumerable<ReportTable> Tables => Body.Concat(Annex).OfType<ReportTable>();

    /// <summary>
    /// The header block's two columns, as the layout styles them: the body above, the issuer (bold), the layout's mark
    /// and the number; the title lines (bold), a rule, the place and date (italic).
    /// </summary>
    public (IReadOnlyList<BlockLine> Left, IReadOnlyList<BlockLine> Right) HeaderLines()
    {
        var left = new List<BlockLine>();
        if (Header.BodyAbove is { } above)
        {
            left.Add(new(above, Layout.IssuerSize));
        }

        left.AddRange([new(Header.Issuer, Layout.IssuerSize, Bold: true), new(Layout.IssuerMark, Layout.IssuerSize), new(Header.Number, Layout.NumberSize)]);
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
        var signature = new List<BlockLine>
        {
            new(Signature.SignedFor, Layout.SignatureSize, Bold: true),
            new(Signature.Title, Layout.SignatureSize, Bold: true),
        };
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
/// The signature block: the collective signed for ("T/M ĐOÀN KIỂM TRA"), the signer's title ("TRƯỞNG ĐOÀN") and name,
/// none while the signer is not known (left to be written by hand).
/// </summary>
public sealed record ReportSignature(string SignedFor, string Title, string? Name);

public abstract record ReportBlock;

/// <summary>A section heading: level 1 for a numbered section (I, II…), 2 for a subsection.</summary>
public sealed record ReportHeading(int Level, string Text) : ReportBlock;

/// <summary>A paragraph of runs; the first line is indented as body text is.</summary>
public sealed record ReportParagraph(IReadOnlyList<ReportRun> Runs) : ReportBlock
{
    public ReportParagraph(string text)
        : this([new ReportRun(text)])
    {
    }

    public string Text => string.Concat(Runs.Select(r => r.Text));
}

/// <summary>Text with its emphasis: bold for what needs attention (a figure that does not reconcile).</summary>
public sealed record ReportRun(string Text, bool Bold = false, bool Italic = false);

/// <summary>
/// A table with a caption, column headers and relative column widths. A row marked <c>Emphasis</c> is printed bold
/// (a claim that does not reconcile, an overdue task).
/// </summary>
public sealed record ReportTable(string Caption, string SheetName, IReadOnlyList<string> Columns, IReadOnlyList<double> Widths, IReadOnlyList<ReportRow> Rows) : ReportBlock;

public sealed record ReportRow(IReadOnlyList<string> Cells, bool Emphasis = false);
