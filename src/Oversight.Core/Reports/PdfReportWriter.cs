using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Oversight.Reports;

/// <summary>
/// Draws a report as a PDF laid out as the DOCX is (A4, the margins and sizes of its layout, page numbers from the
/// second page), in Liberation Serif — metric-compatible with Times New Roman, with every Vietnamese letter — embedded
/// from the build, so the PDF looks the same on a machine without fonts.
/// </summary>
public static class PdfReportWriter
{
    private const string Family = "Liberation Serif";
    private const double Millimetre = 72 / 25.4;
    private const double PageWidth = 210 * Millimetre;
    private const double PageHeight = 297 * Millimetre;
    private const double TableSize = 12;
    private const double CellPadding = 3;

    private static readonly Lazy<bool> Fonts = new(() =>
    {
        GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
        return true;
    });

    public static void Write(ReportDocument report, Stream output)
    {
        _ = Fonts.Value;
        var layout = report.Layout;
        using var document = new PdfDocument();
        document.Info.Title = report.Subject.Length > 0 ? $"{report.Kind} — {report.Subject}" : report.Kind;
        var page = new Pages(document, layout);
        HeaderBlock(page, report);
        page.Paragraph([new ReportRun(report.Kind, Bold: true)], layout.DocumentTypeSize, Align.Centre, indent: 0, spaceBefore: 18);
        if (report.Subject.Length > 0)
        {
            page.Paragraph([new ReportRun(report.Subject, Bold: true)], layout.SubjectSize, Align.Centre, indent: 0, spaceBefore: 0);
        }

        page.Paragraph([new ReportRun("———")], layout.BodySize, Align.Centre, indent: 0, spaceBefore: 0);
        Blocks(page, report.Body, layout);
        SigningBlock(page, report);
        if (report.Annex.Count > 0)
        {
            page.NewPage();
            Blocks(page, report.Annex, layout);
        }

        page.Close();
        document.Save(output, false);
    }

    private static void HeaderBlock(Pages page, ReportDocument report)
    {
        var (left, right) = report.HeaderLines();
        page.Columns(left, right, 0.4);
    }

    /// <summary>The recipients on the left and the signature on the right, kept together on one page.</summary>
    private static void SigningBlock(Pages page, ReportDocument report)
    {
        var (left, right) = report.SigningLines();
        page.KeepTogether(Math.Max(left.Count, right.Count) * report.Layout.SignatureSize * 1.2 + 12);
        page.MoveTo(page.Y + 12);
        page.Columns(left, right, 0.5);
    }

    private static void Blocks(Pages page, IEnumerable<ReportBlock> blocks, DocumentLayout layout)
    {
        var size = layout.BodySize;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ReportHeading heading:
                    page.Paragraph([new ReportRun(heading.Text, Bold: true, Italic: heading.Level > 1)], size, Align.Justify, indent: 0, spaceBefore: 12, keepWithNext: 3 * size);
                    break;
                case ReportParagraph paragraph:
                    page.Paragraph(paragraph.Runs, size, Align.Justify, indent: layout.IndentMm * Millimetre, spaceBefore: 6);
                    break;
                case ReportTable table:
                    page.Paragraph([new ReportRun(table.Caption, Bold: true, Italic: true)], TableSize, Align.Left, indent: 0, spaceBefore: 6, keepWithNext: 3 * TableSize);
                    page.Table(table);
                    break;
            }
        }
    }

    private enum Align
    {
        Left,
        Centre,
        Justify,
    }

    /// <summary>The pages drawn so far and where the next line goes, within the layout's margins.</summary>
    private sealed class Pages(PdfDocument document, DocumentLayout layout)
    {
        private readonly double top = layout.Margins.Top * Millimetre;
        private readonly double bottom = PageHeight - layout.Margins.Bottom * Millimetre;
        private XGraphics? graphics;
        private double y = PageHeight;
        private int number;

        public double Left { get; } = layout.Margins.Left * Millimetre;

        public double Right { get; } = PageWidth - layout.Margins.Right * Millimetre;

        public double Y => y;

        private XGraphics Graphics => graphics ?? throw new InvalidOperationException("No page is open.");

        public void MoveTo(double position) => y = position;

        /// <summary>Starts a new page unless <paramref name="height"/> fits on this one.</summary>
        public void KeepTogether(double height)
        {
            if (graphics is null || y + height > bottom)
            {
                NewPage();
            }
        }

        public void NewPage()
        {
            graphics?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            graphics = XGraphics.FromPdfPage(page);
            number++;
            y = top;
            if (number > 1)
            {
                var font = Font(false, false, 13);
                var text = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                graphics.DrawString(text, font, XBrushes.Black, (PageWidth - graphics.MeasureString(text, font).Width) / 2, top / 2);
            }
        }

        public void Close() => graphics?.Dispose();

        /// <summary>Two columns of lines side by side from the current line, <paramref name="leftShare"/> of the width on the left; the next line goes under the longer.</summary>
        public void Columns(IReadOnlyList<BlockLine> left, IReadOnlyList<BlockLine> right, double leftShare)
        {
            var split = Left + (Right - Left) * leftShare;
            var leftBottom = Column(left, Left, split);
            var rightBottom = Column(right, split, Right);
            y = Math.Max(leftBottom, rightBottom);
        }

        /// <summary>Lines between two x positions from the current line; the y under them.</summary>
        private double Column(IReadOnlyList<BlockLine> lines, double from, double to)
        {
            if (graphics is null)
            {
                NewPage();
            }

            var lineTop = y;
            foreach (var column in lines)
            {
                foreach (var line in Wrap([new ReportRun(column.Text, column.Bold, column.Italic)], to - from - 6, column.Size, 0))
                {
                    var x = DrawLine(line, from + 3, to - 3, lineTop, column.Size, column.Left ? Align.Left : Align.Centre, last: true);
                    if (column.Underline)
                    {
                        Graphics.DrawLine(new XPen(XColors.Black, 0.5), x, lineTop + column.Size * 1.1, x + line.Width, lineTop + column.Size * 1.1);
                    }

                    lineTop += LineHeight(column.Size);
                }
            }

            return lineTop;
        }

        public void Paragraph(IReadOnlyList<ReportRun> runs, double size, Align align, double indent, double spaceBefore, double keepWithNext = 0)
        {
            if (graphics is null)
            {
                NewPage();
            }

            var lines = Wrap(runs, Right - Left, size, indent);
            y += spaceBefore;
            if (y + LineHeight(size) + keepWithNext > bottom)
            {
                NewPage();
            }

            for (var i = 0; i < lines.Count; i++)
            {
                if (y + LineHeight(size) > bottom)
                {
                    NewPage();
                }

                DrawLine(lines[i], Left + (i == 0 ? indent : 0), Right, y, size, align, last: i == lines.Count - 1);
                y += LineHeight(size);
            }
        }

        public void Table(ReportTable table)
        {
            var total = table.Widths.Sum();
            var widths = table.Widths.Select(w => (Right - Left) * w / total).ToArray();
            var header = Cells(table.Columns, widths, bold: true);
            DrawRow(header, widths, Align.Centre, afterPageBreak: null);
            foreach (var row in table.Rows)
            {
                DrawRow(Cells(row.Cells, widths, row.Emphasis), widths, Align.Left, afterPageBreak: header);
            }

            y += 4;
        }

        private List<Line>[] Cells(IReadOnlyList<string> cells, double[] widths, bool bold) =>
            widths.Select((w, i) => Wrap([new ReportRun(i < cells.Count ? cells[i] : string.Empty, bold)], w - 2 * CellPadding, TableSize, 0)).ToArray();

        private void DrawRow(List<Line>[] cells, double[] widths, Align align, List<Line>[]? afterPageBreak)
        {
            var height = Height(cells);
            if (y + height > bottom)
            {
                NewPage();
                if (afterPageBreak is not null)
                {
                    DrawRow(afterPageBreak, widths, Align.Centre, null);
                }
            }

            var x = Left;
            for (var i = 0; i < widths.Length; i++)
            {
                Graphics.DrawRectangle(new XPen(XColors.Black, 0.5), x, y, widths[i], height);
                var lineY = y + CellPadding;
                foreach (var line in cells[i])
                {
                    DrawLine(line, x + CellPadding, x + widths[i] - CellPadding, lineY, TableSize, align, last: true);
                    lineY += LineHeight(TableSize);
                }

                x += widths[i];
            }

            y += height;
        }

        private static double Height(List<Line>[] cells) => cells.Max(c => Math.Max(1, c.Count)) * LineHeight(TableSize) + 2 * CellPadding;

        private static double LineHeight(double size) => size * 1.2;

        /// <summary>Draws a line; returns where it starts.</summary>
        private double DrawLine(Line line, double from, double to, double top, double size, Align align, bool last)
        {
            var gaps = line.Words.Count(w => w.SpaceBefore);
            var extra = align == Align.Justify && !last && gaps > 0 ? (to - from - line.Width) / gaps : 0;
            var x = align == Align.Centre ? from + (to - from - line.Width) / 2 : from;
            var start = x;
            foreach (var word in line.Words)
            {
                if (word.SpaceBefore)
                {
                    x += word.SpaceWidth + extra;
                }

                Graphics.DrawString(word.Text, word.Font, XBrushes.Black, x, top + size, XStringFormats.BaseLineLeft);
                x += word.Width;
            }

            return start;
        }

        /// <summary>Breaks runs into lines no wider than <paramref name="width"/> (the first narrower by <paramref name="indent"/>), breaking a word too long for a line.</summary>
        private List<Line> Wrap(IReadOnlyList<ReportRun> runs, double width, double size, double indent)
        {
            var lines = new List<Line>();
            var current = new Line();
            var available = width - indent;
            var spaceBefore = false;
            foreach (var run in runs)
            {
                var font = Font(run.Bold, run.Italic, size);
                var space = Graphics.MeasureString(" ", font).Width;
                var pieces = run.Text.Split(' ');
                for (var i = 0; i < pieces.Length; i++)
                {
                    spaceBefore |= i > 0;
                    foreach (var chunk in Chunks(pieces[i], font, width))
                    {
                        var chunkWidth = Graphics.MeasureString(chunk, font).Width;
                        var needed = (current.Words.Count > 0 && spaceBefore ? space : 0) + chunkWidth;
                        if (current.Words.Count > 0 && current.Width + needed > available)
                        {
                            lines.Add(current);
                            current = new Line();
                            available = width;
                            spaceBefore = false;
                        }

                        var withSpace = current.Words.Count > 0 && spaceBefore;
                        current.Words.Add(new Word(chunk, font, chunkWidth, withSpace, space));
                        current.Width += (withSpace ? space : 0) + chunkWidth;
                        spaceBefore = false;
                    }
                }
            }

            lines.Add(current);
            return lines;
        }

        /// <summary>A word as it fits on lines of <paramref name="width"/>: whole, or cut where it must be.</summary>
        private IEnumerable<string> Chunks(string word, XFont font, double width)
        {
            if (word.Length == 0)
            {
                yield break;
            }

            var start = 0;
            while (start < word.Length)
            {
                var length = word.Length - start;
                while (length > 1 && Graphics.MeasureString(word.Substring(start, length), font).Width > width)
                {
                    length--;
                }

                // Cut after a hyphen, slash or dot when the piece that fits has one, as word processors do.
                var cut = start + length < word.Length ? word.LastIndexOfAny(['-', '/', '.'], start + length - 1, length) : -1;
                if (cut > start)
                {
                    length = cut - start + 1;
                }

                yield return word.Substring(start, length);
                start += length;
            }
        }

        private static XFont Font(bool bold, bool italic, double size) =>
            new(Family, size, (bold, italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            });
    }

    private sealed class Line
    {
        public List<Word> Words { get; } = [];

        public double Width { get; set; }
    }

    private sealed record Word(string Text, XFont Font, double Width, bool SpaceBefore, double SpaceWidth);

    /// <summary>Liberation Serif's four faces, from the build's resources, for the family the writer asks for.</summary>
    private sealed class EmbeddedFonts : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            familyName.Equals(Family, StringComparison.OrdinalIgnoreCase)
                ? new FontResolverInfo((bold, italic) switch
                {
                    (true, true) => "LiberationSerif-BoldItalic",
                    (true, false) => "LiberationSerif-Bold",
                    (false, true) => "LiberationSerif-Italic",
                    _ => "LiberationSerif-Regular",
                })
                : null;

        public byte[]? GetFont(string faceName)
        {
            using var stream = typeof(PdfReportWriter).Assembly.GetManifestResourceStream($"Oversight.Reports.Fonts.{faceName}.ttf");
            if (stream is null)
            {
                return null;
            }

            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
