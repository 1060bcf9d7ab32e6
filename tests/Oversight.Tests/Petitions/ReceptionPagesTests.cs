using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Petitions;

/// <summary>The reception and dialogue pages: registers with frequency warnings, a session's and a meeting's page, the forms that record them.</summary>
public sealed class ReceptionPagesTests
{
    private const string TotDongOfficer = "officer-totdong";
    private const string DistrictLeader = "leader-chuongmy";
    private const string FirstHalf2024 = "from=2024-01-01&to=2024-07-19";
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_register_lists_sessions_in_scope_and_a_session_page_shows_its_cases_without_a_denouncer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        var hopDong = await UnitIdAsync(database, "10072", InspectionDay);
        var own = Session(totDong, new(2024, 3, 14), HostRole.CommitteeChairman, "Phạm Văn Chủ", 3, 4);
        var neighbour = Session(hopDong, new(2024, 3, 15), HostRole.CommitteeChairman, "Lê Văn Láng", 2, 2);
        var petition = Case(totDong, own.HeldOn, subject: "Phản ánh về chiếu sáng", petitioner: "Nguyễn Văn An", sessionId: own.Id);
        var denunciation = Case(totDong, own.HeldOn, kind: CaseKind.Denunciation, subject: "Tố cáo cán bộ địa chính", petitioner: "Trần Thị Kín", sessionId: own.Id);
        await AddAsync(database, own, neighbour, petition, denunciation);
        var session = await PageSession.SignInAsync(factory, TotDongOfficer);

        var (status, register) = await session.GetAsync($"/reception?{FirstHalf2024}");
        var (_, chairmen) = await session.GetAsync($"/reception?{FirstHalf2024}&role=committee-chairman");
        var (_, secretaries) = await session.GetAsync($"/reception?{FirstHalf2024}&role=party-secretary");
        var (ownStatus, page) = await session.GetAsync($"/reception/{own.Id}");
        var (outOfScope, _) = await session.GetAsync($"/reception/{neighbour.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("10060", register.QuerySelector("#unit-code")!.GetAttribute("value"));
        Assert.Equal(["Phạm Văn Chủ"], Hosts(register));
        Assert.Equal("2", PageText.Of(register.QuerySelector("table.sessions tbody td:last-child")));
        Assert.Equal(["Phạm Văn Chủ"], Hosts(chairmen));
        Assert.Empty(Hosts(secretaries));
        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.Equal("14/03/2024", PageText.Definition(page, "Ngày tiếp"));
        Assert.Equal("Chủ tịch Ủy ban nhân dân", PageText.Definition(page, "Chức danh người chủ trì"));
        Assert.Equal([petition.Reference, denunciation.Reference], page.QuerySelectorAll("table.cases tbody th a").Select(PageText.Of));
        Assert.Equal($"/cases/{petition.Id}", page.QuerySelector("table.cases tbody th a")!.GetAttribute("href"));
        Assert.Contains("Nguyễn Văn An", PageText.MainText(page));
        Assert.DoesNotContain("Trần Thị Kín", page.DocumentElement.OuterHtml);
        Assert.Equal(HttpStatusCode.NotFound, outOfScope);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_new_session_form_records_a_session_and_names_errors_beside_fields_storing_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var session = await PageSession.SignInAsync(factory, TotDongOfficer);

        var (_, form) = await session.GetAsync("/reception/new");
        using var refused = await session.SubmitAsync(form, new()
        {
            ["Unit"] = "10072", ["HeldOn"] = "2024-07-15", ["HostName"] = "", ["HostRole"] = "committee-chairman", ["Kind"] = "regular", ["Visits"] = "3", ["People"] = "1",
        });
        var refusedPage = await PageSession.ParseAsync(refused);
        await using (var scope = database.SystemScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OversightDbContext>().ReceptionSessions.CountAsync(Cancel));
        }

        using var recorded = await session.SubmitAsync(form, new()
        {
            ["Unit"] = "10060", ["HeldOn"] = "2024-07-15", ["HostName"] = "Phạm Văn Chủ", ["HostRole"] = "committee-chairman", ["Kind"] = "regular", ["Visits"] = "3", ["People"] = "4",
        });
        var (_, page) = await session.FollowAsync(recorded);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.StartsWith("Lỗi:", refusedPage.Title);
        var summary = refusedPage.QuerySelectorAll(".error-summary li").Select(PageText.Of).ToList();
        Assert.Contains("Người chủ trì: không được để trống", summary);
        Assert.Contains(summary, line => line.StartsWith("Đơn vị giải quyết: không có đơn vị nào bạn được xử lý mang mã 10072", StringComparison.Ordinal));
        Assert.Contains(summary, line => line.StartsWith("Số người:", StringComparison.Ordinal));
        Assert.NotNull(refusedPage.QuerySelector(".error-summary a[href='#hostName']"));
        Assert.Contains("không được để trống", PageText.Of(refusedPage.QuerySelector("#hostName-error")));
        Assert.Equal("3", refusedPage.QuerySelector("#visits")!.GetAttribute("value"));
        Assert.Empty(PageStructure.Problems("/reception/new refused", refusedPage));
        Assert.Equal("Phạm Văn Chủ", PageText.Definition(page, "Người chủ trì"));
        Assert.Equal("4", PageText.Definition(page, "Số người"));
        await using var check = database.SystemScope();
        var stored = await check.ServiceProvider.GetRequiredService<OversightDbContext>().ReceptionSessions.SingleAsync(Cancel);
        Assert.Equal((new DateOnly(2024, 7, 15), HostRole.CommitteeChairman, 3, 4), (stored.HeldOn, stored.HostRole, stored.Visits, stored.People));
    }

    /// <summary>Regulation 11-QĐi/TW asks a district Party secretary for 2 days a month.</summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_secretary_who_received_on_one_day_of_a_month_is_warned_about_above_the_register(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var district = await UnitIdAsync(database, "277", new(2023, 8, 1));
        await AddAsync(database, Session(district, new(2023, 8, 15), HostRole.PartySecretary, "Nguyễn Văn Bí", 3, 3));
        var session = await PageSession.SignInAsync(factory, DistrictLeader);

        var (_, page) = await session.GetAsync("/reception?unit=277&asOf=2023-08-01&from=2023-08-01&to=2023-08-31");
        var (_, english) = await session.GetAsync("/reception?unit=277&asOf=2023-08-01&from=2023-08-01&to=2023-08-31&culture=en-GB");

        var warning = Assert.Single(page.QuerySelectorAll("table.warnings tbody tr"));
        Assert.Equal(
            ["Nguyễn Văn Bí", "Bí thư cấp ủy", "Huyện Chương Mỹ", "01/08/2023 – 31/08/2023", "2 ngày/tháng", "1 ngày", "Quy định 11-QĐi/TW 2019, Điều 4"],
            warning.QuerySelectorAll("th, td").Select(PageText.Of));
        Assert.Equal(["Nguyễn Văn Bí"], Hosts(page));
        Assert.Contains("2 days a month", PageText.Of(english.QuerySelector("table.warnings")));
        Assert.Empty(PageStructure.Problems("/reception with warnings", page));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_dialogue_register_lists_meetings_in_scope_and_the_form_records_one_with_its_cases(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        var hopDong = await UnitIdAsync(database, "10072", InspectionDay);
        var land = Case(totDong, new(2024, 2, 1), kind: CaseKind.Complaint, subject: "Khiếu nại về bồi thường đất", petitioner: "Đỗ Văn Đất");
        var own = Meeting(totDong, new(2024, 4, 10), DialogueLevel.Commune);
        own.Cases.Add(new DialogueMeetingCase { MeetingId = own.Id, CaseId = land.Id });
        var neighbour = Meeting(hopDong, new(2024, 4, 11), DialogueLevel.Commune);
        await AddAsync(database, land, own, neighbour);
        var session = await PageSession.SignInAsync(factory, TotDongOfficer);

        var (_, register) = await session.GetAsync($"/dialogues?{FirstHalf2024}");
        var (_, districtLevel) = await session.GetAsync($"/dialogues?{FirstHalf2024}&level=district");
        var (_, page) = await session.GetAsync($"/dialogues/{own.Id}");
        var (outOfScope, _) = await session.GetAsync($"/dialogues/{neighbour.Id}");
        var (_, form) = await session.GetAsync("/dialogues/new");
        using var recorded = await session.SubmitAsync(form, new()
        {
            ["Unit"] = "10060", ["Level"] = "commune", ["HeldOn"] = "2024-07-16", ["Topic"] = "Đối thoại về bồi thường", ["Participants"] = "12", ["Cases"] = land.Reference,
        });
        var (_, created) = await session.FollowAsync(recorded);

        Assert.Equal([$"/dialogues/{own.Id}"], register.QuerySelectorAll("table.meetings tbody th a").Select(a => a.GetAttribute("href")));
        Assert.Empty(districtLevel.QuerySelectorAll("table.meetings tbody tr"));
        Assert.Equal("Đối thoại về giải phóng mặt bằng", PageText.Definition(page, "Nội dung đối thoại"));
        Assert.Equal([land.Reference], page.QuerySelectorAll("table.cases tbody th a").Select(PageText.Of));
        Assert.Equal(HttpStatusCode.NotFound, outOfScope);
        Assert.Empty(PageStructure.Problems("/dialogues/{id}", page));
        Assert.Equal("12", PageText.Definition(created, "Số người tham dự"));
        Assert.Equal([land.Reference], created.QuerySelectorAll("table.cases tbody th a").Select(PageText.Of));
    }

    private static async Task<OversightWebFactory> FactoryAsync(TestDatabase database)
    {
        await TestUnits.AddChuongMyFragmentAsync(database);
        var factory = new OversightWebFactory(database);
        await factory.AddUserAsync(TotDongOfficer, Roles.Officer, "10060", InspectionDay);
        await factory.AddUserAsync(DistrictLeader, Roles.Leader, "277", InspectionDay);
        return factory;
    }

    private static string[] Hosts(IParentNode page) =>
        page.QuerySelectorAll("table.sessions tbody td:nth-of-type(1)").Select(PageText.Of).ToArray();
}
