using System.Globalization;
using System.Net;
using System.Text;

namespace Oversight.Reports;

/// <summary>
/// Writes a report as a standalone HTML page laid out like the document (A4 when printed), in a serif font stack
/// that has every Vietnamese letter.
/// </summary>
public static class HtmlReportWriter
{
    private const string Style =
        """
        @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
        body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 14pt; line-height: 1.3; max-width: 165mm; margin: 1em auto; color: #000; background: #fff; }
        .header { display: grid; grid-template-columns: 2fr 3fr; text-align: center; font-size: 13pt; }
        .header p { margin: 0; }
        .kind, .subject { text-align: center; font-weight: bold; margin: 0; }
        .kind { margin-top: 1.5em; }
        h2 { font-size: 14pt; margin: 1em 0 0.3em; break-after: avoid; }
        p.body { text-align: justify; text-indent: 1cm; margin: 0.4em 0; }
        table { border-collapse: collapse; width: 100%; font-size: 12pt; margin: 0.2em 0 0.8em; }
        caption { text-align: left; font-weight: bold; font-style: italic; padding: 0.2em 0; }
        th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
        thead { display: table-header-group; }
        tr.emphasis td { font-weight: bold; }
        .signing { display: grid; grid-template-columns: 1fr 1fr; margin-top: 1.5em; text-align: center; break-inside: avoid; }
        .signing p { margin: 0; }
        .header p.left, .signing p.left { text-align: left; }
        .annex { break-before: page; }
        """;

    public static void Write(ReportDocument report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(Render(report));
    }

    /// <summary>The whole page.</summary>
    public static string Render(ReportDocument report)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{(report.English ? "en" : "vi")}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(report.Kind)} — {E(report.Subject)}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        html.Append(Fragment(report));
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The report without page scaffolding, for a page that shows it as a preview.</summary>
    public static string Fragment(ReportDocument report)
    {
        var html = new StringBuilder();
        var (headerLeft, headerRight) = report.HeaderLines();
        html.Append("<article class=\"report\">\n<div class=\"header\">\n");
        Column(html, headerLeft);
        Column(html, headerRight);
        html.Append("</div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"kind\">{E(report.Kind)}</p>\n<p class=\"subject\">{E(report.Subject)}</p>\n");
        Blocks(html, report.Body);
        var (signingLeft, signingRight) = report.SigningLines();
        html.Append("<div class=\"signing\">\n");
        Column(html, signingLeft);
        Column(html, signingRight);
        html.Append("</div>\n");
        html.Append("<section class=\"annex\">\n");
        Blocks(html, report.Annex);
        html.Append("</section>\n</article>\n");
        return html.ToString();
    }

    /// <summary>A column of the header or signing block; a blank line keeps its height (room to sign).</summary>
    private static void Column(StringBuilder html, IEnumerable<BlockLine> lines)
    {
        html.Append("<div>");
        foreach (var line in lines)
        {
            var text = string.IsNullOrWhiteSpace(line.Text) ? "&nbsp;" : E(line.Text);
            text = line.Bold ? $"<strong>{text}</strong>" : text;
            text = line.Italic ? $"<em>{text}</em>" : text;
            text = line.Underline ? $"<u>{text}</u>" : text;
            html.Append(line.Left ? $"<p class=\"left\">{text}</p>" : $"<p>{text}</p>");
        }

        html.Append("</div>\n");
    }

    private static void Blocks(StringBuilder html, IEnumerable<ReportBlock> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ReportHeading heading:
                    var tag = heading.Level == 1 ? "h2" : "h3";
                    html.Append(CultureInfo.InvariantCulture, $"<{tag}>{E(heading.Text)}</{tag}>\n");
                    break;
                case ReportParagraph paragraph:
                    html.Append("<p class=\"body\">");
                    foreach (var run in paragraph.Runs)
                    {
                        var text = E(run.Text);
                        text = run.Bold ? $"<strong>{text}</strong>" : text;
                        html.Append(run.Italic ? $"<em>{text}</em>" : text);
                    }

                    html.Append("</p>\n");
                    break;
                case ReportTable table:
                    html.Append(CultureInfo.InvariantCulture, $"<table>\n<caption>{E(table.Caption)}</caption>\n<thead><tr>");
                    html.AppendJoin("", table.Columns.Select(c => $"<th scope=\"col\">{E(c)}</th>"));
                    html.Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in table.Rows)
                    {
                        html.Append(row.Emphasis ? "<tr class=\"emphasis\">" : "<tr>");
                        html.AppendJoin("", row.Cells.Select(c => $"<td>{E(c)}</td>"));
                        html.Append("</tr>\n");
                    }

                    html.Append("</tbody>\n</table>\n");
                    break;
            }
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
