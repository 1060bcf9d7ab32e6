using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Oversight.Organisation;
using Oversight.Web.Localization;
using Oversight.Text;

namespace Oversight.Web.Pages.Units;

/// <summary>
/// A unit's lineage in sentences: "Từ 01/07/2025 là một phần của Xã Quảng Bị", "Được hình thành ngày
/// 01/07/2025 từ Xã Tốt Động, Xã Hợp Đồng và một phần Xã Lam Điền". Partial links say that only part of a unit
/// is meant, uncertain ones are marked unconfirmed, and units outside the caller's scope are named without a link.
/// </summary>
public sealed class LineageText(IHtmlLocalizer<Strings> html, IStringLocalizer<Strings> text)
{
    /// <summary>One sentence per successor, by date and code: where the unit's area went, and since when.</summary>
    public IEnumerable<IHtmlContent> Successors(IReadOnlyList<LineageView> views) =>
        views.OrderBy(v => v.Step.Date).ThenBy(v => v.Step.Unit.Code, StringComparer.Ordinal).Select(Successor);

    private IHtmlContent Successor(LineageView view)
    {
        var step = view.Step;
        var sentence = html[step.Partial ? "Lineage.SuccessorPartial" : "Lineage.Successor", Formats.Date(step.Date), UnitReference(view, step.Date)];
        return WithUncertainty(sentence, step.Uncertain);
    }

    /// <summary>
    /// One sentence per date: the units the unit was formed from that day, whole ones first, by code; earlier steps
    /// (the predecessors of its predecessors) are introduced as earlier.
    /// </summary>
    public IEnumerable<IHtmlContent> Predecessors(IReadOnlyList<LineageView> views) =>
        views.GroupBy(v => (v.Step.Date, Earlier: v.Step.Depth > 1))
            .OrderByDescending(g => g.Key.Date)
            .Select(g => (IHtmlContent)html[g.Key.Earlier ? "Lineage.PredecessorsEarlier" : "Lineage.Predecessors", Formats.Date(g.Key.Date), JoinList(g.OrderBy(v => v.Step.Partial).ThenBy(v => v.Step.Unit.Code, StringComparer.Ordinal).Select(PredecessorItem).ToArray())]);

    private IHtmlContent PredecessorItem(LineageView view)
    {
        var reference = UnitReference(view, view.Step.Date.AddDays(-1));
        IHtmlContent item = view.Step.Partial ? html["Lineage.PartOf", reference] : reference;
        return WithUncertainty(item, view.Step.Uncertain);
    }

    private IHtmlContent UnitReference(LineageView view, DateOnly preferredDay)
    {
        var unit = view.Step.Unit;
        if (!view.InScope)
        {
            return new HtmlContentBuilder().Append(unit.Name);
        }

        var link = new TagBuilder("a");
        link.Attributes["href"] = $"/units/{Uri.EscapeDataString(unit.Code)}?asOf={IsoDate.Format(DetailsModel.DayWithin(unit, preferredDay))}";
        link.InnerHtml.Append(unit.Name);
        return link;
    }

    private IHtmlContent WithUncertainty(IHtmlContent content, bool uncertain)
    {
        if (!uncertain)
        {
            return content;
        }

        var tag = new TagBuilder("strong");
        tag.AddCssClass("tag");
        tag.InnerHtml.Append(text["Lineage.Unconfirmed"]);
        return new HtmlContentBuilder().AppendHtml(content).AppendHtml(" ").AppendHtml(tag);
    }

    /// <summary>"A, B và C" / "A, B and C".</summary>
    private IHtmlContent JoinList(IReadOnlyList<IHtmlContent> items)
    {
        var builder = new HtmlContentBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(i == items.Count - 1 ? text["List.LastSeparator"] : text["List.Separator"]);
            }

            builder.AppendHtml(items[i]);
        }

        return builder;
    }
}
