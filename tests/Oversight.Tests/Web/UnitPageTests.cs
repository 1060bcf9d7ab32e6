using System.Net;
using Oversight.Data;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Web;

public sealed class UnitPageTests
{
    private const string TotDongOnInspectionDay = "/units/10060?asOf=2024-07-19";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_merged_commune_says_what_it_became_in_Vietnamese_and_after_the_switch_in_English(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var session = await PageSession.SignInAsync(factory, WebScenario.Administrator);

        var (status, vietnamese) = await session.GetAsync(TotDongOnInspectionDay);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("vi", vietnamese.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Từ 01/07/2025 là một phần của Xã Quảng Bị", PageText.MainText(vietnamese));
        var successor = vietnamese.QuerySelector("#lineage-heading + ul a")!;
        Assert.Equal("/units/10072?asOf=2025-07-01", successor.GetAttribute("href"));

        var english = vietnamese.QuerySelector(".language-switch a[lang=en]")!;
        using var switched = await session.Client.GetAsync(english.GetAttribute("href"), TestContext.Current.CancellationToken);
        Assert.Equal(TotDongOnInspectionDay, switched.Headers.Location!.OriginalString);
        var (_, page) = await session.FollowAsync(switched);

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Since 1 Jul 2025 part of Xã Quảng Bị", PageText.MainText(page));
        Assert.Equal("English (selected)", PageText.Of(page.QuerySelector(".language-switch [aria-current=true]")));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_commune_names_what_it_was_formed_from_with_the_partial_part_said(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var session = await PageSession.SignInAsync(factory, WebScenario.Administrator);

        var (_, quangBi) = await session.GetAsync("/units/10072?asOf=2025-08-01");
        var (_, lamDien) = await session.GetAsync("/units/10063?asOf=2024-07-19&culture=en-GB");

        Assert.Contains("Được hình thành ngày 01/07/2025 từ Xã Tốt Động, Xã Hợp Đồng và một phần Xã Lam Điền", PageText.MainText(quangBi));
        Assert.Contains("Since 1 Jul 2025 partly in Xã Quảng Bị", PageText.MainText(lamDien));
        Assert.Contains("Since 1 Jul 2025 partly in Xã Bình Minh", PageText.MainText(lamDien));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_unit_page_shows_bodies_people_and_the_audit_history(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        var scenario = await WebScenario.CreateAsync(factory);
        var session = await PageSession.SignInAsync(factory, WebScenario.Administrator);

        var (_, page) = await session.GetAsync(TotDongOnInspectionDay);
        var (_, branch) = await session.GetAsync("/units/10060-CB1?asOf=2024-07-19");

        Assert.Equal("Xã Tốt Động", PageText.Of(page.QuerySelector("h1")));
        Assert.Equal(["Thành phố Hà Nội", "Huyện Chương Mỹ"], page.QuerySelectorAll(".breadcrumbs a").Skip(1).Select(a => a.TextContent));
        Assert.Contains("Đảng bộ xã Tốt Động", PageText.Of(page.QuerySelector("#bodies-heading")!.ParentElement));
        Assert.Contains("Ủy ban nhân dân xã Tốt Động", PageText.Of(page.QuerySelector("#bodies-heading")!.ParentElement));
        var chairman = page.QuerySelector("#people-heading + table tbody tr")!;
        Assert.Equal($"/people/{scenario.ChairmanId}", chairman.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Nguyễn Văn Đông Chủ tịch Ủy ban nhân dân xã Có Đất đai 01/06/2021 – 30/06/2025", PageText.Of(chairman));
        var audit = PageText.Of(page.QuerySelector("#audit-heading")!.ParentElement);
        Assert.Contains("test-setup", audit);
        Assert.Contains("Tạo: tên gọi, loại, cấp trên", audit);
        Assert.Contains("Trực thuộc Huyện Chương Mỹ (277)", audit);
        Assert.Equal("1", PageText.Definition(branch, "Số đảng viên"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_gets_404_for_a_unit_outside_their_scope_and_sees_lineage_beyond_it_as_text(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var session = await PageSession.SignInAsync(factory, WebScenario.TotDongOfficer);

        var (outside, notFound) = await session.GetAsync("/units/10072?asOf=2024-07-19");
        var (inside, own) = await session.GetAsync(TotDongOnInspectionDay);

        Assert.Equal(HttpStatusCode.NotFound, outside);
        Assert.Equal("Không tìm thấy đơn vị", PageText.Of(notFound.QuerySelector("h1")));
        Assert.DoesNotContain("Hợp Đồng", PageText.MainText(notFound));
        Assert.Equal(HttpStatusCode.OK, inside);
        Assert.Contains("Từ 01/07/2025 là một phần của Xã Quảng Bị", PageText.MainText(own));
        Assert.Empty(own.QuerySelectorAll("#lineage-heading + ul a"));
        Assert.Empty(own.QuerySelectorAll(".breadcrumbs a[href^='/units/']"));
    }

    [Fact]
    public async Task A_code_asked_for_on_a_day_it_named_nothing_points_to_the_days_it_did()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var session = await PageSession.SignInAsync(factory, WebScenario.Administrator);

        var (status, page) = await session.GetAsync("/units/10060");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Không có đơn vị nào bạn được xem mang mã 10060 vào ngày 25/11/2026.", PageText.MainText(page));
        Assert.Equal("/units/10060?asOf=2025-06-30", page.QuerySelector("main li a")!.GetAttribute("href"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_tree_as_of_a_day_opens_down_to_a_unit_and_links_each_unit_on_that_day(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var session = await PageSession.SignInAsync(factory, WebScenario.Administrator);

        var (_, closed) = await session.GetAsync("/units?asOf=2024-07-19");
        var open = closed.QuerySelector("#u-277 > a.toggle")!.GetAttribute("href")!;
        var (_, opened) = await session.GetAsync(open);
        var (_, today) = await session.GetAsync("/units");

        Assert.Null(closed.QuerySelector("#u-10060"));
        Assert.Equal("/units/10060?asOf=2024-07-19", opened.QuerySelector("#u-10060 > a.unit-link")!.GetAttribute("href"));
        Assert.Equal("2024-07-19", opened.QuerySelector("input#as-of")!.GetAttribute("value"));
        Assert.Null(today.QuerySelector("#u-277"));
        Assert.NotNull(today.QuerySelector("#u-10072"));
        Assert.Equal("Xã Quảng Bị", today.QuerySelector("#u-10072 > a.unit-link")!.TextContent);
    }
}
