using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Oversight.Reports;

/// <summary>
/// Writes a report as a DOCX laid out by its layout (<see cref="DocumentLayout"/>: the Party's or the State's margins,
/// font and sizes): A4; the header block as a borderless two-column table; body text justified, first line indented,
/// 6 pt between paragraphs; the signature and the recipients as another such table after the body; page numbers
/// centred at the top from the second page; the annex, if any, on a page of its own.
/// </summary>
public static class DocxReportWriter
{
    /// <summary>Tables' text, in half-points: the layouts leave tables' text to the writer.</summary>
    private const int TableText = 24;

    /// <summary>Page in twentieths of a point.</summary>
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;

    /// <summary>Twentieths of a point in a millimetre.</summary>
    private const double Twips = 1440 / 25.4;

    public static void Write(ReportDocument report, Stream output)
    {
        var layout = report.Layout;
        var measures = new Measures(layout);
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main, layout, report.English);
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(RunProperties(measures.Body), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(RunProperties(measures.Body), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(RunProperties(measures.Body), new FieldChar { FieldCharType = FieldCharValues.End })));
        var firstHeader = main.AddNewPart<HeaderPart>();
        firstHeader.Header = new Header(new Paragraph());

        var body = new Body();
        body.Append(HeaderBlockTable(report, measures));
        body.Append(Centred(report.Kind, HalfPoints(layout.DocumentTypeSize), spaceBefore: 360));
        if (report.Subject.Length > 0)
        {
            body.Append(Centred(report.Subject, HalfPoints(layout.SubjectSize), spaceBefore: 0));
        }

        body.Append(Centred("———", measures.Body, spaceBefore: 0, bold: false));
        AppendBlocks(body, report.Body, measures);
        body.Append(SigningTable(report, measures));
        if (report.Annex.Count > 0)
        {
            // The annex's first paragraph starts a page: a paragraph holding a break would leave an empty page when the
            // signature ends one.
            var first = body.ChildElements.Count;
            AppendBlocks(body, report.Annex, measures);
            if (body.ChildElements[first] is Paragraph opening)
            {
                (opening.ParagraphProperties ??= new ParagraphProperties()).PageBreakBefore = new PageBreakBefore();
            }
            else
            {
                body.InsertAt(new Paragraph(new Run(new Break { Type = BreakValues.Page })), first);
            }
        }

        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstHeader) },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin
            {
                Top = ToTwips(layout.Margins.Top), Bottom = ToTwips(layout.Margins.Bottom),
                Left = (uint)ToTwips(layout.Margins.Left), Right = (uint)ToTwips(layout.Margins.Right), Header = 567, Footer = 567,
            },
            new TitlePage()));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static int HalfPoints(double points) => (int)Math.Round(points * 2);

    private static int ToTwips(double millimetres) => (int)Math.Round(millimetres * Twips);

    /// <summary>The layout's sizes in half-points and the width of the text in twentieths of a point.</summary>
    private sealed class Measures(DocumentLayout layout)
    {
        public int Body { get; } = HalfPoints(layout.BodySize);

        public int TextWidth { get; } = PageWidth - ToTwips(layout.Margins.Left) - ToTwips(layout.Margins.Right);

        public string Indent { get; } = ToTwips(layout.IndentMm).ToString(CultureInfo.InvariantCulture);
    }

    private static void AddStyles(MainDocumentPart main, DocumentLayout layout, bool english)
    {
        var font = layout.Font;
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = font, HighAnsi = font, ComplexScript = font, EastAsia = font },
                    new FontSize { Val = HalfPoints(layout.BodySize).ToString(CultureInfo.InvariantCulture) },
                    new Languages { Val = english ? "en-GB" : "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "120", After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(
                new StyleName { Val = "heading 1" },
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "60" }, new OutlineLevel { Val = 0 }),
                new StyleRunProperties(new Bold()))
            { Type = StyleValues.Paragraph, StyleId = "Heading1" },
            new Style(
                new StyleName { Val = "heading 2" },
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" }, new OutlineLevel { Val = 1 }),
                new StyleRunProperties(new Bold(), new Italic()))
            { Type = StyleValues.Paragraph, StyleId = "Heading2" });
        styles.Styles.Save();
    }

    private static void AppendBlocks(Body body, IEnumerable<ReportBlock> blocks, Measures measures)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ReportHeading heading:
                    body.Append(new Paragraph(
                        new ParagraphProperties(new ParagraphStyleId { Val = heading.Level == 1 ? "Heading1" : "Heading2" }, new Justification { Val = JustificationValues.Both }),
                        new Run(new WordText(heading.Text) { Space = SpaceProcessingModeValues.Preserve })));
                    break;
                case ReportParagraph paragraph:
                    var text = new Paragraph(new ParagraphProperties(new Indentation { FirstLine = measures.Indent }, new Justification { Val = JustificationValues.Both }));
                    text.Append(paragraph.Runs.Select(r => new Run(RunProperties(measures.Body, r.Bold, r.Italic), new WordText(r.Text) { Space = SpaceProcessingModeValues.Preserve })));
                    body.Append(text);
                    break;
                case ReportTable table:
                    body.Append(new Paragraph(
                        new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Left }),
                        new Run(RunProperties(TableText, bold: true, italic: true), new WordText(table.Caption) { Space = SpaceProcessingModeValues.Preserve })));
                    body.Append(Table(table, measures.TextWidth));
                    break;
            }
        }
    }

    private static Table Table(ReportTable table, int textWidth)
    {
        var total = table.Widths.Sum();
        var widths = table.Widths.Select(w => (int)(textWidth * w / total)).ToArray();
        var border = new Func<OpenXmlElement>[]
        {
            () => new TopBorder { Val = BorderValues.Single, Size = 4 },
            () => new BottomBorder { Val = BorderValues.Single, Size = 4 },
            () => new LeftBorder { Val = BorderValues.Single, Size = 4 },
            () => new RightBorder { Val = BorderValues.Single, Size = 4 },
            () => new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            () => new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
        };
        var result = new Table(new TableProperties(
            new TableWidth { Width = textWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(border.Select(b => b())),
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa })));
        result.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        result.Append(Row(table.Columns, widths, header: true, bold: true));
        foreach (var row in table.Rows)
        {
            result.Append(Row(row.Cells, widths, header: false, bold: row.Emphasis));
        }

        return result;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] widths, bool header, bool bold)
    {
        var row = new TableRow();
        row.Append(header ? new TableRowProperties(new TableHeader(), new CantSplit()) : new TableRowProperties(new CantSplit()));
        for (var i = 0; i < widths.Length; i++)
        {
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                new Paragraph(
                    new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                        new Justification { Val = header ? JustificationValues.Center : JustificationValues.Left }),
                    new Run(RunProperties(TableText, bold), new WordText(i < cells.Count ? cells[i] : string.Empty) { Space = SpaceProcessingModeValues.Preserve }))));
        }

        return row;
    }

    /// <summary>The header block (<see cref="ReportDocument.HeaderLines"/>) as a borderless table.</summary>
    private static Table HeaderBlockTable(ReportDocument report, Measures measures)
    {
        var (left, right) = report.HeaderLines();
        var table = TwoColumns(measures, 0.4, left.Select(Line), right.Select(Line));
        // The national name is as wide as the right column: without the cells' side margins it stays on one line.
        table.GetFirstChild<TableProperties>()!.Append(new TableCellMarginDefault(
            new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa }));
        return table;
    }

    /// <summary>After the body: the recipients and the signature (<see cref="ReportDocument.SigningLines"/>) as a borderless table.</summary>
    private static Table SigningTable(ReportDocument report, Measures measures)
    {
        var (left, right) = report.SigningLines();
        var table = TwoColumns(measures, 0.5, left.Select(Line), right.Select(Line));
        table.GetFirstChild<TableProperties>()!.Append(new TableCellMarginDefault(new TopMargin { Width = "240", Type = TableWidthUnitValues.Dxa }));
        // The title and the name of who signs stay on one page.
        table.GetFirstChild<TableRow>()!.PrependChild(new TableRowProperties(new CantSplit()));
        return table;
    }

    /// <summary>A borderless table of one row: <paramref name="leftShare"/> of the text's width on the left, the rest on the right.</summary>
    private static Table TwoColumns(Measures measures, double leftShare, IEnumerable<Paragraph> left, IEnumerable<Paragraph> right)
    {
        var leftWidth = (int)(measures.TextWidth * leftShare);
        var rightWidth = measures.TextWidth - leftWidth;
        var table = new Table(new TableProperties(
            new TableWidth { Width = measures.TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })));
        table.Append(new TableGrid(new GridColumn { Width = leftWidth.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = rightWidth.ToString(CultureInfo.InvariantCulture) }));
        table.Append(new TableRow(Cell(leftWidth, left), Cell(rightWidth, right)));
        return table;
    }

    private static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs);
        return cell;
    }

    private static Paragraph Line(BlockLine line)
    {
        var properties = RunProperties(HalfPoints(line.Size), line.Bold, line.Italic);
        if (line.Underline)
        {
            properties.PrependChild(new Underline { Val = UnderlineValues.Single });
        }

        return new(
            new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = line.Left ? JustificationValues.Left : JustificationValues.Center }),
            new Run(properties, new WordText(line.Text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Paragraph Centred(string text, int size, int spaceBefore, bool bold = true) => new(
        new ParagraphProperties(new SpacingBetweenLines { Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = "0" }, new Justification { Val = JustificationValues.Center }),
        new Run(RunProperties(size, bold), new WordText(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static RunProperties RunProperties(int size, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        return properties;
    }
}
