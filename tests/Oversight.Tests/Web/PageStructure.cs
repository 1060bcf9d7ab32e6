using AngleSharp.Dom;

namespace Oversight.Tests.Web;

/// <summary>
/// A simple structural accessibility check of one page, after the GOV.UK Design System: one h1, a main landmark,
/// a skip link to it, headings that do not skip a level going down, a label for every field, headers in every
/// table, the language declared.
/// </summary>
public static class PageStructure
{
    /// <summary>The problems found, each naming the page; empty when there are none.</summary>
    public static IEnumerable<string> Problems(string url, IDocument page)
    {
        var h1 = page.QuerySelectorAll("h1").Length;
        if (h1 != 1)
        {
            yield return $"{url}: {h1} h1 elements, expected one";
        }

        if (page.QuerySelectorAll("main").Length != 1)
        {
            yield return $"{url}: expected one main landmark";
        }

        if (page.QuerySelector("main")?.Id is not { Length: > 0 } mainId || page.QuerySelector($"a.skip-link[href='#{mainId}']") is null)
        {
            yield return $"{url}: no skip link to the main content";
        }

        if (string.IsNullOrEmpty(page.DocumentElement.GetAttribute("lang")))
        {
            yield return $"{url}: the html element declares no language";
        }

        if (string.IsNullOrWhiteSpace(page.Title))
        {
            yield return $"{url}: no title";
        }

        var previous = 0;
        foreach (var heading in page.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
        {
            var level = heading.LocalName[1] - '0';
            if (previous > 0 && level > previous + 1)
            {
                yield return $"{url}: heading '{heading.TextContent.Trim()}' (h{level}) skips a level after an h{previous}";
            }

            previous = level;
        }

        foreach (var field in page.QuerySelectorAll("input, select, textarea"))
        {
            var type = field.GetAttribute("type") ?? "text";
            if (type is "hidden" or "submit" or "button" or "reset" or "image")
            {
                continue;
            }

            var labelled = field.Id is { Length: > 0 } id && page.QuerySelector($"label[for='{id}']") is { } label && label.TextContent.Trim().Length > 0;
            if (!labelled && field.Closest("label") is null && string.IsNullOrWhiteSpace(field.GetAttribute("aria-label")))
            {
                yield return $"{url}: field '{field.GetAttribute("name")}' has no label";
            }
        }

        foreach (var table in page.QuerySelectorAll("table"))
        {
            if (table.QuerySelector("th") is null)
            {
                yield return $"{url}: a table without header cells";
            }
        }

        foreach (var button in page.QuerySelectorAll("button, a"))
        {
            if (string.IsNullOrWhiteSpace(button.TextContent) && string.IsNullOrWhiteSpace(button.GetAttribute("aria-label")))
            {
                yield return $"{url}: a {button.LocalName} without text";
            }
        }
    }
}
