using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Oversight.Reports;

/// <summary>
/// Writes a report as a DOCX in the format of official documents (Decree 30/2020/NĐ-CP, Appendix I): A4, margins
/// 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman; the header block as a borderless two-column
/// table; body text 14 pt, justified, first line indented 1 cm, 6 pt between paragraphs; page numbers centred at the
/// top from the second page; the annex on a page of its own.
/// </summary>
public static class DocxReportWriter
{
    private const string Font = "Times New Roman";

    /// <summary>Font sizes in half-points.</summary>
    private const int Body = 28;
    private const int HeaderBlock = 26;
    private const int TableText = 24;

    /// <summary>Page and margins in twentieths of a point (1 mm = 56.7).</summary>
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTop = 1134;
    private const int MarginBottom = 1134;
    private const int MarginLeft = 1701;
    private const int MarginRight = 850;
    private const int TextWidth = PageWidth - MarginLeft - MarginRight;

    public static void Write(ReportDocument report, Stream output)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main, report.English);
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(RunProperties(HeaderBlock), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(RunProperties(HeaderBlock), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(RunProperties(HeaderBlock), new FieldChar { FieldCharType = FieldCharValues.End })));
        var firstHeader = main.AddNewPart<HeaderPart>();
        firstHeader.Header = new Header(new Paragraph());

        var body = new Body();
        body.Append(HeaderBlockTable(report.Header));
        body.Append(Centred(report.Kind, bold: true, spaceBefore: 360));
        body.Append(Centred(report.Subject, bold: true, spaceBefore: 0));
        body.Append(Centred("———", bold: false, spaceBefore: 0));
        AppendBlocks(body, report.Body);
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        AppendBlocks(body, report.Annex);
        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstHeader) },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 567, Footer = 567 },
            new TitlePage()));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static void AddStyles(MainDocumentPart main, bool english)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = Body.ToString(CultureInfo.InvariantCulture) },
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

    private static void AppendBlocks(Body body, IEnumerable<ReportBlock> blocks)
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
                    var text = new Paragraph(new ParagraphProperties(new Indentation { FirstLine = "567" }, new Justification { Val = JustificationValues.Both }));
                    text.Append(paragraph.Runs.Select(r => new Run(RunProperties(Body, r.Bold, r.Italic), new WordText(r.Text) { Space = SpaceProcessingModeValues.Preserve })));
                    body.Append(text);
                    break;
                case ReportTable table:
                    body.Append(new Paragraph(
                        new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Left }),
                        new Run(RunProperties(TableText, bold: true, italic: true), new WordText(table.Caption) { Space = SpaceProcessingModeValues.Preserve })));
                    body.Append(Table(table));
                    break;
            }
        }
    }

    private static Table Table(ReportTable table)
    {
        var total = table.Widths.Sum();
        var widths = table.Widths.Select(w => (int)(TextWidth * w / total)).ToArray();
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
            new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
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

    /// <summary>The header block: issuer on the left, national name and motto on the right, as a borderless table.</summary>
    private static Table HeaderBlockTable(ReportHeader header)
    {
        const int Left = 3969;
        const int Right = TextWidth - Left;
        var table = new Table(new TableProperties(
            new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })));
        table.Append(new TableGrid(new GridColumn { Width = Left.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = Right.ToString(CultureInfo.InvariantCulture) }));
        table.Append(new TableRow(
            Cell(Left,
                HeaderLine(header.BodyAbove, bold: false),
                HeaderLine(header.Issuer, bold: true),
                HeaderLine("———", bold: false),
                HeaderLine(header.Number, bold: false)),
            Cell(Right,
                HeaderLine(header.NationalName, bold: true, size: 24),
                HeaderLine(header.Motto, bold: true, size: Body),
                HeaderLine("———————————", bold: false),
                HeaderLine(header.PlaceAndDate, bold: false, size: Body, italic: true))));
        return table;
    }

    private static TableCell Cell(int width, params Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs);
        return cell;
    }

    private static Paragraph HeaderLine(string text, bool bold, int size = HeaderBlock, bool italic = false) => new(
        new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = JustificationValues.Center }),
        new Run(RunProperties(size, bold, italic), new WordText(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Centred(string text, bool bold, int spaceBefore) => new(
        new ParagraphProperties(new SpacingBetweenLines { Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = "0" }, new Justification { Val = JustificationValues.Center }),
        new Run(RunProperties(Body, bold), new WordText(text) { Space = SpaceProcessingModeValues.Preserve }));

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
