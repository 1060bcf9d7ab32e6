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
        Assert.All(catalog.Indicators, i => Assert.Equal(i.Unit != IndicatorUnit.Count, i.Denominator is not null));
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
                  "numerator": { "records": "cases" } },
                { "code": "A.FIVE", "area": "discipline", "name": { "vi": "Năm", "en": "Five" }, "unit": "count", "direction": "lower-is-better",
                  "peerVisibility": "secret", "numerator": { "records": "discipline" } },
                { "code": "A.SIX", "area": "public-services", "name": { "vi": "Sáu", "en": "Six" }, "unit": "average", "direction": "higher-is-better",
                  "numerator": { "records": "dossiers" }, "denominator": { "records": "dossiers" }, "source": { "verified": true } }
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
        Assert.Contains("mine.json: indicators[2] (A.THREE): denominator: a count has none; use unit percent or average", errors);
        Assert.Contains("mine.json: indicators[3] (a four): code: 'a four' must be 1–40 capital letters, digits, '-' or '.'", errors);
        Assert.Contains("mine.json: indicators[4] (A.FIVE): peerVisibility: 'secret' is not one of public, peers, scope", errors);
        Assert.Contains("mine.json: indicators[5] (A.SIX): numerator: an average divides a sum of scores; give its measure as sum", errors);
        Assert.Contains("mine.json: indicators[5] (A.SIX): source: citation must be given", errors);
        Assert.Contains("mine.json: validation[0] (V.X): parts[0]: 'A.NONE' is not an indicator defined above", errors);
    }

    [Fact]
    public void Denunciations_and_discipline_are_confidential_to_each_units_scope_and_petitions_with_them()
    {
        var confidential = IndicatorCatalog.Shipped.Indicators.Where(i => i.PeerVisibility != PeerVisibility.Public).ToArray();

        Assert.All(confidential, i => Assert.Equal(PeerVisibility.Scope, i.PeerVisibility));
        Assert.Equal(
            IndicatorCatalog.Shipped.Indicators.Where(i => i.Area == IndicatorArea.Discipline).Select(i => i.Code).Concat(["CIT.DENUNCIATIONS", "CIT.PETITIONS"]).Order(StringComparer.Ordinal),
            confidential.Select(i => i.Code).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("public", "public", "scope", "mine.json: validation[0] (V.KINDS): A.TWO: peerVisibility scope, but the other indicators of the total and its parts are seen more widely and would give its value; make another of them scope")]
    [InlineData("scope", "public", "public", "mine.json: validation[0] (V.KINDS): A.ALL: peerVisibility scope, but the other indicators of the total and its parts are seen more widely and would give its value; make another of them scope")]
    [InlineData("public", "peers", "scope", "mine.json: validation[0] (V.KINDS): A.TWO: peerVisibility scope, but the other indicators of the total and its parts are seen more widely and would give its value; make another of them scope")]
    [InlineData("public", "public", "peers", "mine.json: validation[0] (V.KINDS): A.TWO: peerVisibility peers, but the other indicators of the total and its parts are seen more widely and would give its value; make another of them peers")]
    [InlineData("public", "scope", "scope", null)]
    [InlineData("scope", "public", "scope", null)]
    [InlineData("peers", "peers", "public", null)]
    public void A_total_and_its_parts_may_not_subtract_to_a_value_kept_from_some_callers(string all, string one, string two, string? error)
    {
        string Indicator(string code, string visibility, string kind) =>
            $$"""{ "code": "{{code}}", "area": "citizens", "name": { "vi": "{{code}}", "en": "{{code}}" }, "unit": "count", "direction": "lower-is-better", "peerVisibility": "{{visibility}}", "numerator": { "records": "cases"{{kind}} } }""";
        var file = $$"""
            {
              "indicators": [
                {{Indicator("A.ALL", all, "")}},
                {{Indicator("A.ONE", one, ", \"where\": { \"kind\": \"complaint\" }")}},
                {{Indicator("A.TWO", two, ", \"where\": { \"kind\": \"denunciation\" }")}}
              ],
              "validation": [ { "code": "V.KINDS", "name": { "vi": "Loại", "en": "Kinds" }, "total": "A.ALL", "parts": ["A.ONE", "A.TWO"] } ]
            }
            """;

        var (catalog, errors) = IndicatorCatalog.Parse("mine.json", file);

        Assert.Equal(error is null ? [] : [error], errors);
        Assert.Equal(error is null, catalog is not null);
    }

    [Fact]
    public void A_file_that_is_not_json_is_refused_by_name()
    {
        var (catalog, errors) = IndicatorCatalog.Parse("mine.json", "{ indicators: ");

        Assert.Null(catalog);
        Assert.StartsWith("mine.json: not an indicator definitions file:", Assert.Single(errors));
    }
}
