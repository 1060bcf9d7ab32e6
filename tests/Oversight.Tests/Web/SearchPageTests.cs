using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Tests.Demo;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Web;

public sealed class SearchPageTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_ignores_diacritics_and_finds_units_of_every_period_and_people(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        var scenario = await WebScenario.CreateAsync(factory);
        var session = await PageSession.SignInAsync(factory, WebScenario.Administrator);

        var (status, chuongMy) = await session.GetAsync("/search?q=chuong+my");
        var (_, dong) = await session.GetAsync("/search?q=dong");

        Assert.Equal(HttpStatusCode.OK, status);
        var units = chuongMy.QuerySelectorAll("#unit-results + table tbody a").ToDictionary(a => a.TextContent, a => a.GetAttribute("href"));
        Assert.Equal("/units/277?asOf=2025-06-30", units["Huyện Chương Mỹ"]);
        Assert.Equal("/units/10015?asOf=2026-11-25", units["Phường Chương Mỹ"]);
        var dongUnits = dong.QuerySelectorAll("#unit-results + table tbody a").Select(a => a.TextContent).ToArray();
        Assert.Contains("Xã Tốt Động", dongUnits);
        Assert.Contains("Xã Hợp Đồng", dongUnits);
        var person = Assert.Single(dong.QuerySelectorAll("#people-results + table tbody a"));
        Assert.Equal(("Nguyễn Văn Đông", $"/people/{scenario.ChairmanId}"), (person.TextContent, person.GetAttribute("href")));
    }

    [Fact]
    public async Task Search_as_of_a_day_finds_only_units_that_existed_then_and_only_within_the_callers_scope()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var administrator = await PageSession.SignInAsync(factory, WebScenario.Administrator);
        var officer = await PageSession.SignInAsync(factory, WebScenario.TotDongOfficer);

        var (_, asOf) = await administrator.GetAsync("/search?q=chuong+my&asOf=2025-08-01");
        var (_, scoped) = await officer.GetAsync("/search?q=dong");

        Assert.Equal(["Phường Chương Mỹ"], asOf.QuerySelectorAll("#unit-results + table tbody a").Select(a => a.TextContent));
        var scopedUnits = scoped.QuerySelectorAll("#unit-results + table tbody a").Select(a => a.TextContent).ToArray();
        Assert.Contains("Xã Tốt Động", scopedUnits);
        Assert.Contains("Chi bộ thôn Đồng Tâm", scopedUnits);
        Assert.DoesNotContain("Xã Hợp Đồng", scopedUnits);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_city_inspector_finds_a_case_by_reference_and_by_words_a_directive_a_task_and_an_inspections_documents(DatabaseProvider provider)
    {
        await using var factory = new OversightWebFactory((await demo.GetAsync(provider)).Database);
        await factory.AddUserAsync("inspector.find", Roles.Inspector, "01", InspectionDay);
        var inspector = await PageSession.SignInAsync(factory, "inspector.find");

        var (status, byReference) = await inspector.GetAsync("/search?q=VV-277-2024-0077");
        var (_, byWords) = await inspector.GetAsync("/search?q=can+ngheo");
        var (_, directive) = await inspector.GetAsync("/search?q=24-CT%2FTU");
        var (_, task) = await inspector.GetAsync("/search?q=NV-01-2024-07-04");
        var (_, inspection) = await inspector.GetAsync("/search?q=KT-01-2024-07");
        var (_, taskWords) = await inspector.GetAsync("/search?q=ra+soat+cai+cach+hanh+chinh");
        var (_, inspectionWords) = await inspector.GetAsync("/search?q=kiem+tra+chuong+my");
        var (_, nothing) = await inspector.GetAsync("/search?q=khong+co+gi+ca");

        Assert.Equal(HttpStatusCode.OK, status);
        var found = Assert.Single(Hits(byReference, "case-results"));
        Assert.Null(byReference.QuerySelector("section[aria-labelledby=unit-results]"));
        Assert.StartsWith("Không có kết quả khớp với “VV-277-2024-0077” trong: đơn vị; người; chỉ thị;", PageText.Of(byReference.QuerySelector(".search-nothing")));
        Assert.Equal("Không tìm thấy kết quả nào khớp với “khong co gi ca”.", PageText.Of(nothing.QuerySelector(".search-nothing")));
        Assert.Empty(nothing.QuerySelectorAll("main section"));
        Assert.Equal("VV-277-2024-0077", PageText.Of(found));
        Assert.Matches("^/cases/[0-9a-f-]{36}$", found.GetAttribute("href"));
        var cases = Hits(byWords, "case-results");
        Assert.NotEmpty(cases);
        Assert.All(cases, hit => Assert.Contains("cận nghèo", PageText.Of(hit.ParentElement), StringComparison.Ordinal));
        Assert.Equal("/cases?q=can%20ngheo", RegisterLink(byWords, "case-results"));
        Assert.Contains("24-CT/TU", Hits(directive, "directive-results").Select(PageText.Of));
        Assert.Contains("KT-01-2024-07", Hits(directive, "inspection-results").Select(PageText.Of));
        var taskHit = Assert.Single(Hits(task, "task-results"));
        Assert.Equal("NV-01-2024-07-04", PageText.Of(taskHit));
        Assert.Matches("^/tasks/[0-9a-f-]{36}$", taskHit.GetAttribute("href"));
        Assert.Equal("/tasks?q=NV-01-2024-07-04", RegisterLink(task, "task-results"));
        Assert.Equal("/inspections?q=KT-01-2024-07", RegisterLink(inspection, "inspection-results"));
        Assert.Equal(["NV-01-2024-07-04"], Hits(taskWords, "task-results").Select(PageText.Of));
        Assert.Contains("KT-01-2024-07", Hits(inspectionWords, "inspection-results").Select(PageText.Of));
        Assert.NotEmpty(Hits(inspection, "document-results"));
        Assert.All(Hits(inspection, "document-results"), hit => Assert.StartsWith("/documents/", hit.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_commune_officer_does_not_find_the_districts_cases_and_anonymous_callers_find_nothing(DatabaseProvider provider)
    {
        await using var factory = new OversightWebFactory((await demo.GetAsync(provider)).Database);
        await factory.AddUserAsync("officer.quangbi.find", Roles.Officer, "10072", new DateOnly(2025, 7, 1));
        await factory.AddUserAsync("inspector.compare", Roles.Inspector, "01", InspectionDay);
        var officer = await PageSession.SignInAsync(factory, "officer.quangbi.find");
        var inspector = await PageSession.SignInAsync(factory, "inspector.compare");
        // A case of a unit that never became part of Xã Quảng Bị (which took in these communes on 1 July 2025).
        string[] quangBi = ["Tốt Động", "Lam Điền", "Hợp Đồng", "Hoàng Diệu", "Quảng Bị"];
        var (_, district) = await inspector.GetAsync("/search?q=VV-277-2024");
        var districtCase = PageText.Of(Hits(district, "case-results").First(hit => !quangBi.Any(PageText.Of(hit.ParentElement).Contains)));

        var (_, seen) = await inspector.GetAsync($"/search?q={districtCase}");
        var (status, unseen) = await officer.GetAsync($"/search?q={districtCase}");
        var anonymous = await PageSession.Anonymous(factory).Client.GetAsync($"/search?q={districtCase}", Cancel);

        Assert.Equal([districtCase], Hits(seen, "case-results").Select(PageText.Of));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(Hits(unseen, "case-results"));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(districtCase, await anonymous.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_public_tracking_code_finds_its_case_within_the_callers_scope_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("admin.find", Roles.Administrator);
        await factory.AddUserAsync("officer.ward", Roles.Officer, "10015");
        using var submitted = await factory.CreateClient().PostAsJsonAsync("/public/petitions", new
        {
            kind = "petition",
            unit = "10072",
            subject = "Đường liên thôn xuống cấp",
            content = "Đường liên thôn Đồng Vai xuống cấp, đề nghị xã sửa chữa.",
            petitioner = new { name = "Trần Thị Mận", address = "Thôn Đồng Vai", phone = "0987 654 321" },
        }, Cancel);
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("trackingCode").GetString()!;

        var (_, administrator) = await (await PageSession.SignInAsync(factory, "admin.find")).GetAsync($"/search?q={code.ToLowerInvariant()}");
        var (_, ward) = await (await PageSession.SignInAsync(factory, "officer.ward")).GetAsync($"/search?q={code}");

        var hit = Assert.Single(Hits(administrator, "case-results"));
        Assert.Contains("Đường liên thôn xuống cấp", PageText.Of(hit.ParentElement), StringComparison.Ordinal);
        Assert.Empty(Hits(ward, "case-results"));
    }

    /// <summary>The links to the records a section of the search page lists.</summary>
    private static IReadOnlyList<IElement> Hits(IDocument page, string section) =>
        page.QuerySelectorAll($"section[aria-labelledby={section}] ul.search-results > li > a").ToList();

    /// <summary>The section's link to its register filtered by the same words.</summary>
    private static string? RegisterLink(IDocument page, string section) =>
        page.QuerySelectorAll($"section[aria-labelledby={section}] p > a").SingleOrDefault()?.GetAttribute("href");
}
