using System.Net;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;

namespace Oversight.Tests.Demo;

/// <summary>
/// Pages opened without filters find the caller's records, whenever they were made and whatever the units have
/// become since; each person is offered only what they may do (see <see cref="LoadedDemo"/>).
/// </summary>
public sealed class DemoDefaultsTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_city_inspector_opens_the_registers_on_Chuong_My_records_of_2024_without_a_filter(DatabaseProvider provider)
    {
        await using var factory = new OversightWebFactory((await demo.GetAsync(provider)).Database);
        var inspector = await SignInAsync(factory, "inspector.registers", Roles.Inspector, "01");

        var (tasksStatus, tasks) = await inspector.GetAsync("/tasks");
        var (_, cases) = await inspector.GetAsync("/cases");
        var (_, dissolved) = await inspector.GetAsync("/cases?unit=277");
        var (_, reception) = await inspector.GetAsync("/reception");
        var (_, dashboard) = await inspector.GetAsync("/indicators?unit=277");

        Assert.Equal(HttpStatusCode.OK, tasksStatus);
        var references = tasks.QuerySelectorAll("table.follow-up tbody tr").Select(row => PageText.Of(row.QuerySelector("th, td"))).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.StartsWith("NV-01-2024-07", reference));
        Assert.Null(cases.QuerySelector(".error-summary"));
        Assert.NotEmpty(cases.QuerySelectorAll("table.cases tbody tr"));
        Assert.Null(dissolved.QuerySelector(".error-summary"));
        Assert.NotEmpty(dissolved.QuerySelectorAll("table.cases tbody tr"));
        Assert.Null(reception.QuerySelector(".error-summary"));
        Assert.NotEmpty(reception.QuerySelectorAll("table.sessions tbody tr"));
        Assert.Equal("Huyện Chương Mỹ (277), 01/01/2024 – 31/12/2024", PageText.Of(dashboard.QuerySelector("#unit-heading")));
        Assert.Contains("năm gần nhất có số liệu", PageText.Of(dashboard.QuerySelector("#unit-heading + p.hint")), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_finds_a_former_commune_with_what_it_became(DatabaseProvider provider)
    {
        await using var factory = new OversightWebFactory((await demo.GetAsync(provider)).Database);
        var inspector = await SignInAsync(factory, "inspector.search", Roles.Inspector, "01");

        var (_, page) = await inspector.GetAsync("/search?q=tot+dong");

        var rows = page.QuerySelectorAll("section[aria-labelledby=unit-results] tbody tr").Select(PageText.Of).ToList();
        var totDong = Assert.Single(rows, row => row.StartsWith("Xã Tốt Động", StringComparison.Ordinal));
        Assert.Contains("Từ 01/07/2025 là một phần của Xã Quảng Bị", totDong);
        Assert.Single(rows, row => row.StartsWith("Xã Quảng Bị 10072", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_inspecting_body_is_offered_to_record_an_inspections_findings_conclusion_and_tasks(DatabaseProvider provider)
    {
        await using var factory = new OversightWebFactory((await demo.GetAsync(provider)).Database);
        var officer = await SignInAsync(factory, "officer.inspected", Roles.Officer, "277");

        var (_, register) = await officer.GetAsync("/inspections");
        string PageOf(string reference) => register.QuerySelectorAll("main a[href^='/inspections/']")
            .Single(a => PageText.Of(a) == reference).GetAttribute("href")!;
        var (_, city) = await officer.GetAsync(PageOf("KT-01-2024-07"));
        var (_, district) = await officer.GetAsync(PageOf("KT-277-2023-01"));
        var (concludeStatus, _) = await officer.GetAsync(PageOf("KT-01-2024-07") + "/conclude");

        Assert.Empty(city.QuerySelectorAll("a[href$='/conclude'], a[href$='/findings/new'], a[href$='/tasks/new']"));
        Assert.NotNull(district.QuerySelector("a[href$='/conclude']"));
        Assert.Equal(HttpStatusCode.NotFound, concludeStatus);
    }

    /// <summary>Signs in a new account of <paramref name="role"/> scoped to the unit <paramref name="unitCode"/> as it stood on the inspection's day.</summary>
    private static async Task<PageSession> SignInAsync(OversightWebFactory factory, string userName, string role, string unitCode)
    {
        await factory.AddUserAsync(userName, role, unitCode, InspectionDay);
        return await PageSession.SignInAsync(factory, userName);
    }
}
