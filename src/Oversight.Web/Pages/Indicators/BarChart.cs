using System.Globalization;
using System.Text;
using System.Net;
using Microsoft.AspNetCore.Html;

namespace Oversight.Web.Pages.Indicators;

/// <summary>One bar: its label, its length (null: no value, no bar), the value as written, whether it is the unit the page is about, where it leads, and what a pointer over it tells.</summary>
public sealed record Bar(string Label, double? Length, string Display, bool Highlight = false, string? Href = null, string? Title = null);

/// <summary>
/// A horizontal bar chart drawn as SVG on the server, so that it shows without JavaScript and prints; every bar
/// carries its value as text, and the highlighted bar is marked with ▶ and bold as well as colour.
/// </summary>
public sealed record BarChart(string Id, string Title, string Summary, IReadOnlyList<Bar> Bars, string HighlightNote)
{
    private const int Width = 720;
    private const int LabelWidth = 230;
    private const int ValueWidth = 110;
    private const int RowHeight = 26;

    /// <summary>The chart as an <c>svg</c> element, every text encoded.</summary>
    public IHtmlContent Svg()
    {
        var longest = Math.Max(Bars.Max(b => b.Length ?? 0), 1e-9);
        // A picture may hold no links: a chart whose labels lead somewhere is a group, read label by label.
        var role = Bars.Any(b => b.Href is not null) ? "group" : "img";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {Bars.Count * RowHeight + 8}\" width=\"100%\" role=\"{role}\" aria-labelledby=\"{Id}-title {Id}-summary\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{Id}-summary\">{Encode(Summary)}</desc>");
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var y = i * RowHeight + 4;
            var length = (bar.Length ?? 0) / longest * (Width - LabelWidth - ValueWidth - 10);
            var label = $"<text x=\"0\" y=\"{y + 17}\">{Encode(bar.Highlight ? $"▶ {bar.Label}" : bar.Label)}</text>";
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"{(bar.Highlight ? "bar highlight" : "bar")}\">");
            if (bar.Title is not null)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<title>{Encode(bar.Title)}</title>");
            }

            svg.Append(bar.Href is null ? label : $"<a href=\"{Encode(bar.Href)}\">{label}</a>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{length:0.0}\" height=\"{RowHeight - 8}\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{LabelWidth + length + 6:0.0}\" y=\"{y + 17}\">{Encode(bar.Display)}</text></g>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
