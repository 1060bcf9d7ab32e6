using Oversight.Indicators;

namespace Oversight.Tests.Indicators;

public sealed class IndicatorCatalogTests
{
    [Fact]
    public void The_shipped_definitions_cover_every_area_of_the_report_with_unique_codes()
    {
        var catalog = IndicatorCatalog.Shipped;

        Assert.Equal(catalog.Indicators.Count, catalog.Indicators.Select(i => i.Code).Distinct().Count());
        Assert.Equal(Enum.GetValues<IndicatorArea>(), catalog.Indicators.Select(i => i.Area).Distinct());
        Assert.All(catalog.Indicators, i => Assert.Equal(i.Unit == IndicatorUnit.Percent, i.Denominator is not null));
        Assert.All(catalog.Indicators, i => Assert.True(i.NameVi.IsNormalized(System.Text.NormalizationForm.FormC)));
        Assert.NotEmpty(catalog.Validation);
    }

    [Fact]
    public void A_broken_definition_is_refused_with_the_file_the_indicator_and_the_field()
    {
        const string File =
            """
            {
              "indicators": [
                { "code": "A.ONE", "area": "citizens", "name": { "vi": "Một", "en": "One" }, "unit": "count", "direction": "higher-is-better",
                  "numerator": { "records": "petitions" } },
                { "code": "A.TWO", "area": "citizens", "name": { "vi": "Hai", "en": "Two" }, "unit": "percent", "direction": "higher-is-better",
                  "numerator": { "records": "cases", "where": { "colour": true, "kind": "complaint-ish", "withinJurisdiction": "yes" } } },
                { "code": "A.THREE", "area": "nowhere", "name": { "vi": "Ba" }, "unit": "count", "direction": "higher-is-better",
                  "numerator": { "records": "receptions", "sum": "hours" }, "denominator": { "records": "cases" } },
                { "code": "a four", "area": "citizens", "name": { "vi": "Bốn", "en": "Four" }, "unit": "count", "direction": "higher-is-better",
                  "numerator": { "records": "cases" } }
              ],
              "validation": [ { "code": "V.X", "name": { "vi": "X", "en": "X" }, "total": "A.ONE", "parts": ["A.NONE"] } ]
            }
            """;

        var (catalog, errors) = IndicatorCatalog.Parse("mine.json", File);

        Assert.Null(catalog);
        Assert.Contains(errors, e => e.StartsWith("mine.json: indicators[0] (A.ONE): numerator: records: 'petitions' is not one of cases,", StringComparison.Ordinal));
        Assert.Contains("mine.json: indicators[1] (A.TWO): denominator: must be given", errors);
        Assert.Contains(errors, e => e.StartsWith("mine.json: indicators[1] (A.TWO): numerator: where.colour: not a fact of cases", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("mine.json: indicators[1] (A.TWO): numerator: where.kind: 'complaint-ish' is not one of complaint, second-complaint,", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("mine.json: indicators[1] (A.TWO): numerator: where.withinJurisdiction: \"yes\" is not a value of this fact", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("mine.json: indicators[2] (A.THREE): area: 'nowhere' is not one of dissemination,", StringComparison.Ordinal));
        Assert.Contains("mine.json: indicators[2] (A.THREE): name: both vi and en must be given", errors);
        Assert.Contains("mine.json: indicators[2] (A.THREE): numerator: sum: 'hours' is not a measure of receptions (visits, people)", errors);
        Assert.Contains("mine.json: indicators[2] (A.THREE): denominator: a count has none; use unit percent", errors);
        Assert.Contains("mine.json: indicators[3] (a four): code: 'a four' must be 1–40 capital letters, digits, '-' or '.'", errors);
        Assert.Contains("mine.json: validation[0] (V.X): parts[0]: 'A.NONE' is not an indicator defined above", errors);
    }

    [Fact]
    public void A_file_that_is_not_json_is_refused_by_name()
    {
        var (catalog, errors) = IndicatorCatalog.Parse("mine.json", "{ indicators: ");

        Assert.Null(catalog);
        Assert.StartsWith("mine.json: not an indicator definitions file:", Assert.Single(errors));
    }
}
