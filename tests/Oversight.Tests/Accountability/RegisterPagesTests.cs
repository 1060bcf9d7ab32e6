using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;

namespace Oversight.Tests.Accountability;

/// <summary>The accountability registers and record pages as the district leader and a commune officer see them.</summary>
public sealed class RegisterPagesTests
{
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_registers_list_filter_and_warn_within_the_readers_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AccountabilitySummaryTests.AddRecordsAsync(database);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("leader-chuongmy", Roles.Leader, "277", InspectionDay);
        await factory.AddUserAsync("officer-totdong", Roles.Officer, "10060", InspectionDay);
        var leader = await PageSession.SignInAsync(factory, "leader-chuongmy");
        var officer = await PageSession.SignInAsync(factory, "officer-totdong");

        var pages = new Dictionary<string, AngleSharp.Dom.IDocument>();
        foreach (var url in new[] { "/inspections", "/tasks", "/tasks?status=overdue", "/discipline?body=standing-committee", "/moves?reason=planning", "/dissemination", "/moves/sensitive-posts" })
        {
            var (status, page) = await leader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Empty(PageStructure.Problems(url, page));
            pages[url] = page;
        }

        var (_, officerTasks) = await officer.GetAsync("/tasks");
        var (_, officerDiscipline) = await officer.GetAsync("/discipline");

        Assert.Equal(["GS-01", "KT-01"], Column(pages["/inspections"], "table.inspections"));
        Assert.Equal(["NV-03", "NV-02", "NV-01"], Column(pages["/tasks"], "table.follow-up"));
        Assert.Equal(["NV-02"], pages["/tasks"].QuerySelectorAll("table.follow-up tr.overdue th").Select(PageText.Of));
        Assert.Equal(["Xã Phụng Châu"], Column(pages["/tasks"], "table.task-warnings.by-unit"));
        Assert.Equal(["KT-01"], Column(pages["/tasks"], "table.task-warnings.by-inspection"));
        Assert.Equal(["NV-02"], Column(pages["/tasks?status=overdue"], "table.follow-up"));
        Assert.Equal(["2-QĐ/HU", "1-QĐ/HU"], Column(pages["/discipline?body=standing-committee"], "table.discipline").Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["LC-02"], Column(pages["/moves?reason=planning"], "table.moves"));
        Assert.Equal(["HN-24-01"], Column(pages["/dissemination"], "table.dissemination"));
        Assert.Equal("/dissemination", pages["/dissemination"].QuerySelector("nav.subnav a[aria-current=page]")?.GetAttribute("href"));

        Assert.Equal(["NV-01"], Column(officerTasks, "table.follow-up"));
        Assert.Null(officerTasks.QuerySelector("section.warnings"));
        Assert.Equal(["1-QĐ/HU"], Column(officerDiscipline, "table.discipline"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bad_filter_names_its_field_and_a_unit_out_of_scope_is_not_found(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("officer-totdong", Roles.Officer, "10060", InspectionDay);
        var officer = await PageSession.SignInAsync(factory, "officer-totdong");

        var (status, badKind) = await officer.GetAsync("/inspections?kind=audit&from=2024-02-30");
        var (_, reversed) = await officer.GetAsync("/moves?from=2024-06-01&to=2024-01-01");
        var (_, foreignUnit) = await officer.GetAsync("/discipline?unit=10021&asOf=2024-07-19");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Lỗi:", badKind.Title);
        Assert.NotNull(badKind.QuerySelector(".error-summary a[href='#kind']"));
        Assert.NotNull(badKind.QuerySelector(".error-summary a[href='#from']"));
        Assert.NotNull(badKind.QuerySelector("#kind-error"));
        Assert.Null(badKind.QuerySelector("table.inspections"));
        Assert.NotNull(reversed.QuerySelector("#to-error"));
        Assert.Contains("10021", PageText.Of(foreignUnit.QuerySelector("#unit-error")));
        Assert.Empty(PageStructure.Problems("/inspections?kind=audit", badKind));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_record_page_shows_the_record_and_its_history_and_is_not_found_out_of_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AccountabilitySummaryTests.AddRecordsAsync(database);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("officer-totdong", Roles.Officer, "10060", InspectionDay);
        Guid ownDecision, memberDecision, ownMove, foreignMove, conference;
        await using (var scope = database.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            ownDecision = await db.DisciplineDecisions.Where(d => d.DecisionNumber == "1-QĐ/HU").Select(d => d.Id).SingleAsync(Cancel);
            memberDecision = await db.DisciplineDecisions.Where(d => d.DecisionNumber == "2-QĐ/HU").Select(d => d.Id).SingleAsync(Cancel);
            ownMove = await db.PersonnelMoves.Where(m => m.Reference == "LC-01").Select(m => m.Id).SingleAsync(Cancel);
            foreignMove = await db.PersonnelMoves.Where(m => m.Reference == "LC-02").Select(m => m.Id).SingleAsync(Cancel);
            conference = await db.DisseminationEvents.Select(e => e.Id).SingleAsync(Cancel);
        }

        var officer = await PageSession.SignInAsync(factory, "officer-totdong");
        var (decisionStatus, decision) = await officer.GetAsync($"/discipline/{ownDecision}");
        var (_, move) = await officer.GetAsync($"/moves/{ownMove}");
        var (_, meeting) = await officer.GetAsync($"/dissemination/{conference}");
        var (hiddenDecision, _) = await officer.GetAsync($"/discipline/{memberDecision}");
        var (hiddenMove, _) = await officer.GetAsync($"/moves/{foreignMove}");
        var (missingEvent, _) = await officer.GetAsync($"/dissemination/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, decisionStatus);
        Assert.Equal("Quyết định kỷ luật 1-QĐ/HU", PageText.Of(decision.QuerySelector("h1")));
        Assert.Equal("Ban Thường vụ", PageText.Definition(decision, "Cấp quyết định"));
        Assert.Equal("KT-01", PageText.Definition(decision, "Qua cuộc kiểm tra"));
        Assert.Contains("Huyện Chương Mỹ (277)", PageText.Of(decision.QuerySelector("table.audit")));
        Assert.Contains("Biểu hiện vi phạm", PageText.Of(decision.QuerySelector("table.audit")));
        Assert.Equal("Thực hiện theo chỉ thị: 24-CT/TU", PageText.Definition(move, "Lý do"));
        Assert.NotEmpty(move.QuerySelectorAll("table.audit tbody tr"));
        Assert.Equal(["Xã Tốt Động"], meeting.QuerySelectorAll("table.attendance tbody th").Select(PageText.Of));
        Assert.Contains("Xã Tốt Động (10060)", PageText.Of(meeting.QuerySelector("table.audit")));
        Assert.DoesNotContain("Xã Phụng Châu", PageText.Of(meeting.QuerySelector("main")));
        foreach (var page in new[] { decision, move, meeting })
        {
            Assert.Empty(PageStructure.Problems(page.Url, page));
        }

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (hiddenDecision, hiddenMove, missingEvent));
    }

    private static string[] Column(AngleSharp.Dom.IDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody th").Select(PageText.Of).ToArray();
}
