using System.Globalization;
using System.Net;
using System.Text;
using Oversight.Text;

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
        .signing { display: grid; grid-template-columns: 1fr 1fr; margin-top: 1.5em; break-inside: avoid; }
        .signing .recipients p { margin: 0; font-size: 12pt; }
        .signing .recipients p.heading { font-size: 14pt; }
        .party .recipients p.heading { text-decoration: underline; }
        .state .recipients p.heading { font-weight: bold; font-style: italic; }
        .signing .signature { text-align: center; font-weight: bold; }
        .signing .signature p { margin: 0; }
        .signing .signature p.name { margin-top: 5em; }
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
        var header = report.Header;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"report {WireNames<DocumentLayoutKind>.ToWire(report.Layout.Kind)}\">\n<div class=\"header\">\n<div>");
        if (header.BodyAbove is { } above)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(above)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p><strong>{E(header.Issuer)}</strong></p><p>{E(report.Layout.IssuerMark)}</p><p>{E(header.Number)}</p>");
        html.Append("</div>\n<div>");
        html.Append(string.Concat(header.Title.Select(line => $"<p><strong>{E(line)}</strong></p>")));
        html.Append(CultureInfo.InvariantCulture, $"<p>———————</p><p><em>{E(header.PlaceAndDate)}</em></p>");
        html.Append("</div>\n</div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"kind\">{E(report.Kind)}</p>\n<p class=\"subject\">{E(report.Subject)}</p>\n");
        Blocks(html, report.Body);
        html.Append("<div class=\"signing\">\n<div class=\"recipients\">");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"heading\">{E(report.Layout.RecipientsHeading.In(report.English))}</p>");
        html.Append(string.Concat(report.Recipients.Select(r => $"<p>{E(r)}</p>")));
        html.Append("</div>\n<div class=\"signature\">");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(report.Signature.SignedFor)}</p><p>{E(report.Signature.Title)}</p><p class=\"name\">{E(report.Signature.Name ?? "")}</p>");
        html.Append("</div>\n</div>\n");
        html.Append("<section class=\"annex\">\n");
        Blocks(html, report.Annex);
        html.Append("</section>\n</article>\n");
        return html.ToString();
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
