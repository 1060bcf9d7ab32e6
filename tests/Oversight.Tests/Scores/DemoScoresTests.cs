using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Scores;
using Oversight.Tests.Demo;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;

namespace Oversight.Tests.Scores;

/// <summary>The demo's city index of its districts, 2019–2023: Chương Mỹ at the bottom, and the page that explains why (see <see cref="LoadedDemo"/>).</summary>
public sealed class DemoScoresTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Chuong_My_is_at_the_bottom_of_the_30_districts_every_year_weakest_in_procedures_and_digital_government(DatabaseProvider provider)
    {
        var (database, load) = await demo.GetAsync(provider);
        await using var scope = database.SystemScope();

        var found = await scope.ServiceProvider.GetRequiredService<IndexScores>().ForUnitAsync("277", "HN-PAR-DISTRICT", cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(found);
        Assert.Equal([2019, 2020, 2021, 2022, 2023], found.Years.Select(y => y.Year));
        Assert.All(found.Years, y => Assert.Equal((30, 30, 100m), (y.Total.Rank, y.Total.Ranked, y.Total.MaxScore)));
        Assert.True(found.NearBottom);
        Assert.Equal(["3", "7"], found.Weakest.Take(2).Select(w => w.Latest.Component.Code).Order());
        Assert.Equal(5, found.Weakest[0].Trend.Count);
        Assert.Equal(6, load.Counts!.Scores.IndexYears);
        Assert.Equal(30 * 5 * 32, load.Counts.Scores.Scores);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_leader_sees_the_rank_over_the_years_the_losses_and_why_with_links_to_the_records(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("leader.scores", Roles.Leader, "277", InspectionDay);
        var leader = await PageSession.SignInAsync(factory, "leader.scores");

        var (status, page) = await leader.GetAsync("/scores");
        var (_, english) = await leader.GetAsync("/scores?culture=en-GB");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(PageStructure.Problems("/scores", page));
        Assert.Equal(Enumerable.Repeat("30/30", 5), page.QuerySelectorAll("table.years tbody td.rank").Select(td => PageText.Of(td)));
        Assert.Equal("Vì sao Huyện Chương Mỹ đứng cuối bảng?", PageText.Of(page.QuerySelector("#why-heading")));
        Assert.Equal(8, page.QuerySelectorAll("table.losses tbody tr").Length);
        Assert.Contains(page.QuerySelectorAll("article.weak-component h3"), h => PageText.Of(h).StartsWith("3. Cải cách thủ tục hành chính", StringComparison.Ordinal));
        var links = page.QuerySelectorAll("table.records a").Select(a => a.GetAttribute("href")!).ToArray();
        Assert.Contains(links, href => href.StartsWith("/indicators/records?unit=277&from=2023-01-01&to=2023-12-31&indicator=PUB.ON-TIME", StringComparison.Ordinal));
        Assert.Contains(links, href => href.Contains("indicator=CIT.OVERDUE", StringComparison.Ordinal));
        Assert.Contains("▶ 30. Huyện Chương Mỹ", PageText.Of(page.QuerySelector("section[aria-labelledby=peers-heading] svg")));
        Assert.Equal("Why is Huyện Chương Mỹ at the bottom?", PageText.Of(english.QuerySelector("#why-heading")));
    }
}
