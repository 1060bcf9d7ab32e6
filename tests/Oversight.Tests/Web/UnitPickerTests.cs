using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Tests.Demo;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Web;

/// <summary>
/// The unit picker of the register and dashboard forms over the demo (see <see cref="LoadedDemo"/>): a unit is picked
/// by its name, the form sends its code, and a name typed without the suggestions (no JavaScript) still finds the unit.
/// </summary>
public sealed class UnitPickerTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_register_filtered_by_a_typed_name_lists_what_it_lists_for_the_units_code_and_shows_the_name(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("inspector.picker", Roles.Inspector, "01", InspectionDay);
        var inspector = await PageSession.SignInAsync(factory, "inspector.picker");

        var (_, byCode) = await inspector.GetAsync("/cases?unit=277");
        var (_, byName) = await inspector.GetAsync("/cases?unit=huy%E1%BB%87n%20ch%C6%B0%C6%A1ng%20m%E1%BB%B9");
        var (_, byCodeThen) = await inspector.GetAsync("/cases?unit=277&asOf=2024-07-19");
        var (_, typedThen) = await inspector.GetAsync("/cases?unit=&unitName=chuong+my&asOf=2024-07-19");
        var (_, kept) = await inspector.GetAsync("/discipline?unit=277&unitName=Huy%E1%BB%87n+Ch%C6%B0%C6%A1ng+M%E1%BB%B9");
        var (_, disciplineByCode) = await inspector.GetAsync("/discipline?unit=277");

        Assert.NotEmpty(Rows(byCode));
        Assert.Equal(Rows(byCode), Rows(byName));
        Assert.Equal(PageText.Of(byCode.QuerySelector("#case-results")), PageText.Of(byName.QuerySelector("#case-results")));
        Assert.Equal(Rows(byCodeThen), Rows(typedThen));
        Assert.Equal(Rows(disciplineByCode), Rows(kept));
        foreach (var page in new[] { byCode, byName, typedThen, kept })
        {
            Assert.Empty(PageStructure.Problems("/cases", page));
            Assert.Equal("277", page.QuerySelector("#unit-code")!.GetAttribute("value"));
            Assert.Equal("Huyện Chương Mỹ", page.QuerySelector("#unit")!.GetAttribute("value"));
            Assert.Equal("unitName", page.QuerySelector("#unit")!.GetAttribute("name"));
        }

        // Applied, the filters fold to a line that names them, and the results follow it.
        Assert.Null(byName.QuerySelector("details.filter-fold")!.GetAttribute("open"));
        Assert.StartsWith("Bộ lọc: Huyện Chương Mỹ", PageText.Of(byName.QuerySelector("details.filter-fold > summary")));
        Assert.Contains("cơ cấu ngày 19/07/2024", PageText.Of(typedThen.QuerySelector("details.filter-fold > summary")));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_name_several_units_have_lists_them_to_choose_from_and_a_name_none_has_says_so(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("inspector.choices", Roles.Inspector, "01", InspectionDay);
        var inspector = await PageSession.SignInAsync(factory, "inspector.choices");

        // Today Chương Mỹ is a ward; the district, dissolved on 1 July 2025, still carries its code.
        var (status, several) = await inspector.GetAsync("/cases?unit=chuong%20my&kind=complaint");
        var (_, none) = await inspector.GetAsync("/indicators?unit=&unitName=kh%C3%B4ng+c%C3%B3+%C4%91%C3%A2u");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(PageStructure.Problems("/cases", several));
        Assert.Null(several.QuerySelector("table.cases"));
        Assert.NotNull(several.QuerySelector("details.filter-fold")!.GetAttribute("open"));
        Assert.Contains("đơn vị có tên gần với “chuong my”", PageText.Of(several.QuerySelector("#unit-error")));
        var choices = several.QuerySelectorAll("#unit-choices a").ToDictionary(a => a.TextContent, a => a.GetAttribute("href")!);
        Assert.Equal("/cases?kind=complaint&unit=277", choices["Huyện Chương Mỹ"]);
        Assert.Equal("/cases?kind=complaint&unit=10015", choices["Phường Chương Mỹ"]);
        Assert.Contains("Huyện Chương Mỹ – đến 30/06/2025", PageText.Of(several.QuerySelector("#unit-choices")));
        Assert.Equal("chuong my", several.QuerySelector("#unit")!.GetAttribute("value"));
        Assert.Contains("Không có đơn vị nào bạn được xem có tên “không có đâu”", PageText.Of(none.QuerySelector("#unit-error")));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_suggestions_find_a_former_name_and_keep_to_the_callers_scope(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("officer.suggest.quangbi", Roles.Officer, "10072", new DateOnly(2025, 7, 1));
        await factory.AddUserAsync("officer.suggest.totdong", Roles.Officer, "10060", InspectionDay);
        var quangBi = await PageSession.SignInAsync(factory, "officer.suggest.quangbi");
        var totDong = await PageSession.SignInAsync(factory, "officer.suggest.totdong");

        var former = await Suggestions(quangBi, "/units/suggestions?q=tot%20dong");
        var then = await Suggestions(quangBi, "/units/suggestions?q=tot%20dong&on=2024-07-19");
        var outside = await Suggestions(totDong, "/units/suggestions?q=chuong%20my");
        var anonymous = await PageSession.Anonymous(factory).Client.GetAsync("/units/suggestions?q=tot%20dong", TestContext.Current.CancellationToken);

        Assert.Equal(new UnitSuggestion("10072", "Xã Quảng Bị", "gồm cả Xã Tốt Động"), former[0]);
        Assert.Contains(new UnitSuggestion("10060", "Xã Tốt Động", "đến 30/06/2025"), former);
        Assert.Equal(new UnitSuggestion("10060", "Xã Tốt Động", null), then[0]);
        Assert.Empty(outside);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    private static string[] Rows(IDocument page) => page.QuerySelectorAll("main table tbody th").Select(PageText.Of).ToArray();

    private static async Task<UnitSuggestion[]> Suggestions(PageSession session, string url) =>
        (await session.Client.GetFromJsonAsync<UnitSuggestion[]>(url, TestContext.Current.CancellationToken))!;

    private sealed record UnitSuggestion(string Code, string Name, string? Note);
}
