using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Tests.Demo;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;

namespace Oversight.Tests.Indicators;

/// <summary>The dashboard, the records behind a figure, the reconciliation and the report page over the demo (see <see cref="LoadedDemo"/>).</summary>
public sealed class IndicatorPagesTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    private const string Period = "unit=277&from=2023-08-01&to=2024-07-19";

    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_dashboard_shows_every_indicator_with_its_charts_and_warns_of_what_needs_attention(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("leader.dashboard", Roles.Leader, "277", InspectionDay);
        var leader = await PageSession.SignInAsync(factory, "leader.dashboard");

        var (status, page) = await leader.GetAsync($"/indicators?{Period}");
        var (_, english) = await leader.GetAsync($"/indicators?{Period}&indicator=DIS.PARTICIPATION&culture=en-GB");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(PageStructure.Problems("/indicators", page));
        Assert.Equal(IndicatorCatalog.Shipped.Headline.Count, page.QuerySelectorAll("li.card").Length);
        var participation = page.QuerySelectorAll("li.card").Single(c => c.QuerySelector(".figure a[href*='indicator=DIS.PARTICIPATION']") is not null);
        Assert.StartsWith("99,2% – ", PageText.Of(participation.QuerySelector(".figure")));
        Assert.Equal("1.240/1.250", PageText.Of(participation.QuerySelector(".meta")));
        Assert.Equal("Đạt mục tiêu 95%", PageText.Of(participation.QuerySelector(".target")));
        Assert.StartsWith("/indicators/records?unit=277", participation.QuerySelector(".figure a")!.GetAttribute("href"));
        var warnings = PageText.Of(page.QuerySelector(".warnings"));
        Assert.Contains("31 vụ việc quá hạn chưa giải quyết", warnings);
        Assert.Contains("1 số liệu đơn vị báo cáo không khớp với hồ sơ", warnings);
        // The trend and the ranking; no commune of Chương Mỹ has a figure of its own, so their comparison says so instead of drawing 32 dashes.
        Assert.Equal(2, page.QuerySelectorAll("figure.chart svg").Length);
        Assert.Contains("Còn 32 đơn vị chưa có số liệu trong kỳ", PageText.Of(page.QuerySelector("section[aria-labelledby=charts-heading]")));
        Assert.Contains("▶ 1. Huyện Chương Mỹ", PageText.Of(page.QuerySelector("#ranking svg")));
        Assert.StartsWith("99.2% – ", PageText.Of(english.QuerySelectorAll("li.card").Single(c => c.QuerySelector(".figure a[href*='indicator=DIS.PARTICIPATION']") is not null).QuerySelector(".figure")));

        // Names, never codes; no "better than" a previous period without records; peers without data counted, not ranked.
        Assert.All(page.QuerySelectorAll("li.card"), card => Assert.DoesNotMatch(@"\b[A-Z]{3}\.[A-Z-]+\b", PageText.Of(card)));
        Assert.DoesNotContain(page.QuerySelectorAll("li.card .change"), c => PageText.Of(c).EndsWith("(0)", StringComparison.Ordinal));
        Assert.Contains("đơn vị chưa có số liệu trong kỳ", PageText.Of(page.QuerySelector("#ranking")));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_month_of_the_trend_is_the_engines_figure_for_that_month_and_the_months_add_up_where_the_indicator_does(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("leader.trend", Roles.Leader, "277", InspectionDay);
        var leader = await PageSession.SignInAsync(factory, "leader.trend");
        var api = await factory.CreateApiClientAsync("leader.trend.api", Roles.Leader, "277", InspectionDay);

        foreach (var (code, addsUp) in new[] { ("CIT.RESOLVED-WITHIN-JURISDICTION", false), ("PUB.ONLINE", true), ("DIS.PARTICIPATION", true) })
        {
            var (_, page) = await leader.GetAsync($"/indicators?{Period}&indicator={code}");
            var table = page.QuerySelector("table.trend")!;
            var months = table.QuerySelectorAll("tbody tr").Select(row => (
                Href: row.QuerySelector("th a")!.GetAttribute("href")!,
                Cells: row.QuerySelectorAll("td").Select(PageText.Of).ToArray())).ToList();

            Assert.Equal("Bảng số liệu của từng tháng", PageText.Of(table.QuerySelector("caption")));
            Assert.Equal("Số liệu của từng tháng", PageText.Of(page.QuerySelector("#trend-title")));
            Assert.Equal(12, months.Count);
            foreach (var (href, cells) in months)
            {
                var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), href).Query);
                var engine = await ValueAsync(api, code, query["from"]!, query["to"]!);
                Assert.Equal((engine.Numerator, engine.Denominator), (Number(cells[0]), Number(cells[1])));
                if (engine.Denominator == 0)
                {
                    Assert.Equal("—", cells[2]);
                }
            }

            var period = await ValueAsync(api, code, "2023-08-01", "2024-07-19");
            var note = PageText.Of(page.QuerySelector("#trend-note"));
            Assert.StartsWith("Mỗi tháng là số liệu của riêng tháng đó", note);
            if (addsUp)
            {
                Assert.Equal((period.Numerator, period.Denominator), (months.Sum(m => Number(m.Cells[0])), months.Sum(m => Number(m.Cells[1]))));
                Assert.Equal([Number(PageText.Of(table.QuerySelectorAll("tfoot td")[0])), Number(PageText.Of(table.QuerySelectorAll("tfoot td")[1]))], [period.Numerator, period.Denominator]);
                Assert.Contains("Cộng các tháng được đúng số liệu cả kỳ", note);
            }
            else
            {
                // Resolved by the end of each month is not resolved by the end of the period: the months do not add up, and the page says so.
                Assert.True(months.Sum(m => Number(m.Cells[0])) < period.Numerator);
                Assert.Null(table.QuerySelector("tfoot"));
                Assert.Contains("các tháng không cộng lại thành số liệu cả kỳ", note);
            }
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_figure_leads_to_its_records_and_the_reconciliation_flags_the_81_1_percent(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("inspector.pages", Roles.Inspector, "01", InspectionDay);
        var inspector = await PageSession.SignInAsync(factory, "inspector.pages");

        var (_, numerator) = await inspector.GetAsync("/indicators/records?unit=277&from=2023-08-01&to=2024-05-31&indicator=CIT.SECRETARY-RESOLVED");
        var (_, denominator) = await inspector.GetAsync("/indicators/records?unit=277&from=2023-08-01&to=2024-05-31&indicator=CIT.SECRETARY-RESOLVED&part=denominator");
        var (_, reconciliation) = await inspector.GetAsync($"/indicators/reconciliation?{Period}");

        Assert.Empty(PageStructure.Problems("/indicators/records", numerator));
        Assert.Equal(18, numerator.QuerySelectorAll("tbody tr").Length);
        Assert.All(numerator.QuerySelectorAll("tbody th a"), a => Assert.Matches("^/cases/[0-9a-f-]{36}$", a.GetAttribute("href")!));
        Assert.Equal(22, denominator.QuerySelectorAll("tbody tr").Length);
        Assert.Empty(PageStructure.Problems("/indicators/reconciliation", reconciliation));
        var flagged = Assert.Single(reconciliation.QuerySelectorAll("table.reconciliation tr.verdict-inconsistent"));
        Assert.Equal("BC-277-2024-30", PageText.Of(flagged.QuerySelector("th")));
        Assert.Contains("18/22 = 81,8%, không phải 81,1%", PageText.Of(flagged));
        Assert.Empty(reconciliation.QuerySelectorAll("table.reconciliation tr.verdict-unverifiable"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_report_page_previews_the_report_and_downloads_it_and_a_unit_out_of_scope_does_not_exist(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("leader.report", Roles.Leader, "277", InspectionDay);
        await factory.AddUserAsync("officer.tandong", Roles.Officer, "10060", InspectionDay);
        var leader = await PageSession.SignInAsync(factory, "leader.report");
        var officer = await PageSession.SignInAsync(factory, "officer.tandong");

        var (_, preview) = await leader.GetAsync($"/reports?{Period}");
        var download = await leader.Client.GetAsync($"/reports?{Period}&lang=en&format=docx", TestContext.Current.CancellationToken);
        var (_, refused) = await officer.GetAsync($"/reports?{Period}");
        var (_, dashboard) = await officer.GetAsync($"/indicators?{Period}");

        Assert.Empty(PageStructure.Problems("/reports", preview));
        Assert.Contains("Phụ lục 3. Đối chiếu số liệu đơn vị báo cáo với hồ sơ", PageText.Of(preview.QuerySelector(".report-preview")));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("bao-cao-277-2023-08-01-2024-07-19-en.docx", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        using (var document = WordprocessingDocument.Open(await download.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), false))
        {
            Assert.Contains("The report's arithmetic is wrong: 18/22 = 81.8%, not 81.1%.", document.MainDocumentPart!.Document!.Body!.InnerText);
        }

        Assert.Null(refused.QuerySelector(".report-preview"));
        Assert.Contains("277", PageText.Of(refused.QuerySelector(".error-summary")));
        Assert.Empty(dashboard.QuerySelectorAll("li.card"));
    }

    private static long Number(string text) => long.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The engine's numerator and denominator of one indicator for the subtree of 277 over a period, as the API gives them.</summary>
    private static async Task<(long Numerator, long Denominator)> ValueAsync(HttpClient api, string code, string from, string to)
    {
        var response = await api.GetFromJsonAsync<JsonElement>($"/api/v1/units/277/indicators?from={from}&to={to}&indicator={code}", TestContext.Current.CancellationToken);
        var value = response.GetProperty("values")[0];
        return (value.GetProperty("numerator").GetInt64(), value.GetProperty("denominator").GetInt64());
    }
}
