using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;

namespace Oversight.Tests.Petitions;

/// <summary>The officer's case pages: the register, recording a case, the case page and its step forms, "my work".</summary>
public sealed class CasePagesTests
{
    private const string TotDongOfficer = "officer-totdong";
    private const string HopDongOfficer = "officer-hopdong";
    private const string DistrictLeader = "leader-chuongmy";
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_register_lists_only_the_callers_commune_and_narrows_by_its_filters(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var totDong = await PetitionRecords.UnitIdAsync(database, "10060", InspectionDay);
        var hopDong = await PetitionRecords.UnitIdAsync(database, "10072", InspectionDay);
        var road = PetitionRecords.Case(totDong, new DateOnly(2024, 3, 1), subject: "Phản ánh về đường giao thông liên thôn");
        var land = PetitionRecords.Case(totDong, new DateOnly(2024, 4, 2), CaseStatus.Resolved, CaseKind.Complaint, "Khiếu nại về bồi thường đất", closedOn: new DateOnly(2024, 5, 2));
        var neighbour = PetitionRecords.Case(hopDong, new DateOnly(2024, 4, 3), subject: "Phản ánh về chiếu sáng");
        await PetitionRecords.AddAsync(database, road, land, neighbour);
        var session = await PageSession.SignInAsync(factory, TotDongOfficer);

        var (status, all) = await session.GetAsync("/cases");
        var (_, resolved) = await session.GetAsync("/cases?status=resolved");
        var (_, overdueRoad) = await session.GetAsync("/cases?unit=10060&asOf=2024-07-19&overdue=true&q=duong");
        var (_, complaints) = await session.GetAsync("/cases?kind=complaint&from=2024-04-01&to=2024-04-30");
        var (_, otherCommune) = await session.GetAsync("/cases?unit=10072&asOf=2024-07-19");
        var (outOfScope, _) = await session.GetAsync($"/cases/{neighbour.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("10060", all.QuerySelector("#unit-code")!.GetAttribute("value"));
        Assert.Equal([land.Reference, road.Reference], References(all));
        Assert.Equal([land.Reference], References(resolved));
        Assert.Equal([road.Reference], References(overdueRoad));
        Assert.Contains("quá hạn", PageText.Of(overdueRoad.QuerySelector("table.cases tbody td:last-child")));
        Assert.Equal([land.Reference], References(complaints));
        Assert.Empty(References(otherCommune));
        Assert.Contains("Không có đơn vị nào bạn được xem mang mã 10072", PageText.Of(otherCommune.QuerySelector(".error-summary")));
        Assert.Equal(HttpStatusCode.NotFound, outOfScope);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_recorded_on_the_form_is_accepted_through_its_step_form_and_the_timeline_grows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var session = await PageSession.SignInAsync(factory, TotDongOfficer);

        var (_, form) = await session.GetAsync("/cases/new");
        using var recorded = await session.PostFormAsync(form, "main form", new()
        {
            ["Kind"] = "petition",
            ["Unit"] = "10060",
            ["ReceivedOn"] = "2024-07-15",
            ["Channel"] = "mail",
            ["Subject"] = "Phản ánh về rác thải ở thôn Đồng Tâm",
            ["Content"] = "Rác thải không được thu gom đúng lịch.",
            ["PetitionerName"] = "Lê Văn Hùng",
            ["PetitionerPhone"] = "0912 000 111",
        });
        var (_, received) = await session.FollowAsync(recorded);
        using var accepted = await session.PostFormAsync(received, "form[action*='handler=Accept']", new() { ["On"] = "2024-07-17" });
        var (_, page) = await session.FollowAsync(accepted);

        Assert.Equal("Mới tiếp nhận", PageText.Definition(received, "Trạng thái"));
        Assert.Single(received.QuerySelectorAll("table.timeline tbody tr"));
        Assert.Equal("Đã thụ lý", PageText.Definition(page, "Trạng thái"));
        Assert.Equal("17/07/2024", PageText.Definition(page, "Ngày thụ lý"));
        Assert.Equal(["Tiếp nhận", "Thụ lý"], page.QuerySelectorAll("table.timeline tbody td:nth-of-type(1)").Select(PageText.Of));
        Assert.Null(page.QuerySelector("form[action*='handler=Accept']"));
        Assert.NotNull(page.QuerySelector("form[action*='handler=Resolve']"));
        Assert.Contains("Lê Văn Hùng", PageText.MainText(page));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_case_page_offers_the_next_step_first_confirms_each_step_and_keeps_files_within_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var id = await ReceiveAsync(database, "petition", "Lê Văn Hùng");
        var session = await PageSession.SignInAsync(factory, TotDongOfficer);
        var outsider = await PageSession.SignInAsync(factory, HopDongOfficer);
        var letter = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

        var (_, received) = await session.GetAsync($"/cases/{id}");
        using var accepted = await session.PostFormAsync(received, "section.next-step form[action*='handler=Accept']", new() { ["On"] = "2024-07-17" });
        var (_, acceptedPage) = await session.FollowAsync(accepted);
        using var assigned = await session.PostFormAsync(acceptedPage, "section.next-step form[action*='handler=Assign']", new() { ["On"] = "2024-07-18", ["Assignee"] = TotDongOfficer });
        var (_, assignedPage) = await session.FollowAsync(assigned);
        using var noFiles = await session.PostFormAsync(assignedPage, "form[action*='handler=Attach']", []);
        var noFilesPage = await PageSession.ParseAsync(noFiles);
        using var attached = await session.PostFormAsync(assignedPage, "form[action*='handler=Attach']", new() { ["Note"] = "Đơn gốc (bản quét)" }, [("Files", "đơn gốc.pdf", letter)]);
        var (_, attachedPage) = await session.FollowAsync(attached);
        var link = attachedPage.QuerySelector("ul.files a")!.GetAttribute("href")!;
        using var download = await session.Client.GetAsync(link, Cancel);
        using var outsiderDownload = await outsider.Client.GetAsync(link, Cancel);
        using var throughTasks = await session.Client.GetAsync("/attachments/" + link.Split('/')[^1], Cancel);

        // A new case: accepting it comes first; forwarding and rejecting are folded; its deadline's rule reads in words.
        Assert.Equal(["Accept"], Handlers(received.QuerySelectorAll("section.next-step > section form")));
        Assert.Contains("Chuyển đơn", received.QuerySelectorAll("section.next-step details.step > summary").Select(PageText.Of));
        Assert.Contains("Không thụ lý", received.QuerySelectorAll("section.next-step details.step > summary").Select(PageText.Of));
        Assert.StartsWith("Thụ lý: ", PageText.Definition(received, "Căn cứ tính hạn"));
        Assert.DoesNotContain("petition.", PageText.MainText(received));
        Assert.Equal("Hệ thống", PageText.Of(received.QuerySelector("table.timeline tbody td:nth-of-type(2)")));

        // Accepted: confirmed with its due date; giving it to an officer comes next, chosen among those of the unit.
        Assert.StartsWith("Đã thụ lý vụ việc. Hạn giải quyết: ", PageText.Of(acceptedPage.QuerySelector("#done")));
        Assert.Equal(["Assign"], Handlers(acceptedPage.QuerySelectorAll("section.next-step > section form")));
        var choices = acceptedPage.QuerySelectorAll("#assign-assignee option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(TotDongOfficer, choices);
        Assert.Contains(DistrictLeader, choices);
        Assert.DoesNotContain(HopDongOfficer, choices);

        // Assigned: confirmed by name; resolving comes next; the officer's own step is theirs on the timeline.
        Assert.Equal($"Đã giao vụ việc cho {TotDongOfficer}.", PageText.Of(assignedPage.QuerySelector("#done")));
        Assert.Equal(["Resolve"], Handlers(assignedPage.QuerySelectorAll("section.next-step > section form")));
        Assert.Equal(TotDongOfficer, PageText.Of(assignedPage.QuerySelectorAll("table.timeline tbody tr")[^1].QuerySelector("td:nth-of-type(2)")));

        // Files: none sent is an error on the field; sent, they are kept with the case and read only within its scope.
        Assert.Equal(HttpStatusCode.OK, noFiles.StatusCode);
        Assert.Contains("không được để trống", PageText.Of(noFilesPage.QuerySelector("#attach-files-error")));
        Assert.NotNull(noFilesPage.QuerySelector("details#step-attach[open]"));
        Assert.Equal("Đã lưu tệp đính kèm.", PageText.Of(attachedPage.QuerySelector("#done")));
        Assert.Contains("đơn gốc.pdf", PageText.Of(attachedPage.QuerySelector("ul.files")));
        Assert.Contains("Đơn gốc (bản quét)", PageText.Of(attachedPage.QuerySelector("ul.files")));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(letter, await download.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(HttpStatusCode.NotFound, outsiderDownload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughTasks.StatusCode);
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var file = await db.Attachments.SingleAsync(Cancel);
        var step = await db.CaseSteps.SingleAsync(s => s.Id == file.RecordId, Cancel);
        Assert.Equal((id, CaseAction.Attached, TotDongOfficer), (step.CaseId, step.Action, step.Actor));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_denunciations_files_open_only_to_those_who_may_reveal_the_denouncer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var id = await ReceiveAsync(database, "denunciation", "Trần Thị Bích Ngọc");
        var officer = await PageSession.SignInAsync(factory, TotDongOfficer);
        var leader = await PageSession.SignInAsync(factory, DistrictLeader);

        var (_, leaderPage) = await leader.GetAsync($"/cases/{id}");
        using var attached = await leader.PostFormAsync(leaderPage, "form[action*='handler=Attach']", [], [("Files", "don-to-cao.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"))]);
        var (_, leaderAfter) = await leader.FollowAsync(attached);
        var link = leaderAfter.QuerySelector("ul.files a")!.GetAttribute("href")!;
        var (_, officerPage) = await officer.GetAsync($"/cases/{id}");
        using var byLeader = await leader.Client.GetAsync(link, Cancel);
        using var byOfficer = await officer.Client.GetAsync(link, Cancel);

        Assert.Equal(HttpStatusCode.OK, byLeader.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOfficer.StatusCode);
        Assert.Contains("don-to-cao.pdf", PageText.Of(officerPage.QuerySelector("ul.files")));
        Assert.Null(officerPage.QuerySelector("ul.files a"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invalid_fields_are_named_beside_them_and_in_the_summary_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var session = await PageSession.SignInAsync(factory, TotDongOfficer);

        var (_, form) = await session.GetAsync("/cases/new");
        using var response = await session.PostFormAsync(form, "main form", new()
        {
            ["Kind"] = "petition",
            ["Unit"] = "10072",
            ["ReceivedOn"] = "2024-07-15",
            ["Subject"] = "",
            ["Content"] = "Nội dung",
            ["PetitionerName"] = "Lê Văn Hùng",
            ["PetitionerPhone"] = "call me",
        });
        var page = await PageSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = page.QuerySelectorAll(".error-summary li").Select(PageText.Of).ToList();
        Assert.Contains("Trích yếu: không được để trống", summary);
        Assert.Contains(summary, line => line.StartsWith("Đơn vị giải quyết: không có đơn vị nào bạn được xử lý mang mã 10072 vào ngày 15/07/2024", StringComparison.Ordinal));
        Assert.Contains(summary, line => line.StartsWith("Số điện thoại: không phải là số điện thoại", StringComparison.Ordinal));
        Assert.Equal("#subject", page.QuerySelector(".error-summary a[href='#subject']")?.GetAttribute("href"));
        Assert.Contains("không được để trống", PageText.Of(page.QuerySelector("#subject-error")));
        Assert.Equal("call me", page.QuerySelector("#petitioner-phone")!.GetAttribute("value"));
        Assert.StartsWith("Lỗi:", page.Title);
        await using var scope = database.SystemScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Cases.CountAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_form_read_before_someone_elses_change_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var id = await ReceiveAsync(database, "petition", "Lê Văn Hùng");
        var first = await PageSession.SignInAsync(factory, TotDongOfficer);
        var second = await PageSession.SignInAsync(factory, DistrictLeader);

        var (_, stale) = await second.GetAsync($"/cases/{id}");
        var (_, current) = await first.GetAsync($"/cases/{id}");
        using var accepted = await first.PostFormAsync(current, "form[action*='handler=Accept']", new() { ["On"] = "2024-07-17" });
        using var refused = await second.PostFormAsync(stale, "form[action*='handler=Reject']", new() { ["On"] = "2024-07-18", ["Reason"] = "Không đủ điều kiện" });
        var page = await PageSession.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("bản ghi này vừa được người khác thay đổi", PageText.Of(page.QuerySelector(".error-summary")));
        Assert.Equal("Đã thụ lý", PageText.Definition(page, "Trạng thái"));
        await using var scope = database.SystemScope();
        var stored = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Cases.Include(c => c.Steps).SingleAsync(Cancel);
        Assert.Equal(CaseStatus.Accepted, stored.Status);
        Assert.Equal([CaseAction.Received, CaseAction.Accepted], stored.Steps.OrderBy(s => s.RecordedAt).Select(s => s.Action));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_denouncer_is_never_on_an_officers_pages_and_a_leader_sees_them_only_after_an_audited_reveal(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var id = await ReceiveAsync(database, "denunciation", "Trần Thị Bích Ngọc");
        var officer = await PageSession.SignInAsync(factory, TotDongOfficer);
        var leader = await PageSession.SignInAsync(factory, DistrictLeader);

        var officerPage = await HtmlAsync(officer, $"/cases/{id}");
        var officerRegister = await HtmlAsync(officer, "/cases");
        var (_, leaderPage) = await leader.GetAsync($"/cases/{id}");
        using var withoutReason = await leader.PostFormAsync(leaderPage, "form[action*='handler=Reveal']", []);
        var withoutReasonHtml = await withoutReason.Content.ReadAsStringAsync(Cancel);
        using var revealed = await leader.PostFormAsync(leaderPage, "form[action*='handler=Reveal']", new() { ["Reason"] = "Chuẩn bị làm việc với người tố cáo" });
        var revealedHtml = await revealed.Content.ReadAsStringAsync(Cancel);
        var leaderAgain = await HtmlAsync(leader, $"/cases/{id}");
        var revealLog = await HtmlAsync(leader, "/cases/reveals");
        var (_, officerLog) = await officer.GetAsync("/cases/reveals");

        Assert.DoesNotContain("Ngọc", officerPage);
        Assert.DoesNotContain("Xem thông tin người tố cáo", officerPage);
        Assert.Contains("Thông tin người tố cáo được giữ bí mật", officerPage);
        Assert.DoesNotContain("Ngọc", officerRegister);
        Assert.Contains("Được giữ bí mật", officerRegister);
        Assert.DoesNotContain("Ngọc", leaderPage.DocumentElement.OuterHtml);
        Assert.NotNull(leaderPage.QuerySelector("form[action*='handler=Reveal'] button"));
        Assert.DoesNotContain("Ngọc", withoutReasonHtml);
        Assert.Contains("Lý do cần xem", withoutReasonHtml);
        Assert.Contains("không được để trống", withoutReasonHtml);
        Assert.Contains("Trần Thị Bích Ngọc", revealedHtml);
        Assert.Contains("no-store", revealed.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("Ngọc", leaderAgain);
        Assert.Contains("Chuẩn bị làm việc với người tố cáo", revealLog);
        Assert.Contains(DistrictLeader, revealLog);
        Assert.DoesNotContain("Ngọc", revealLog);
        Assert.Null(officerLog.QuerySelector("table.reveals"));
        Assert.DoesNotContain("Chuẩn bị làm việc", officerLog.DocumentElement.OuterHtml);
        await using var scope = database.SystemScope();
        var reveals = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries.Where(e => e.Action == "reveal").ToListAsync(Cancel);
        Assert.Equal(DistrictLeader, Assert.Single(reveals).Actor);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task My_work_lists_new_cases_to_accept_then_my_overdue_cases_then_those_due_soon_with_their_counts_also_in_the_header(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var totDong = await PetitionRecords.UnitIdAsync(database, "10060", InspectionDay);
        string me, colleague;
        await using (var scope = database.SystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<OversightDbContext>().Users;
            me = (await users.SingleAsync(u => u.UserName == TotDongOfficer, Cancel)).Id;
            colleague = (await users.SingleAsync(u => u.UserName == DistrictLeader, Cancel)).Id;
        }

        var today = new DateOnly(2026, 11, 25);
        var late = PetitionRecords.Case(totDong, new DateOnly(2024, 3, 1), CaseStatus.UnderConsideration, subject: "Hồ sơ quá hạn", acceptedOn: new DateOnly(2024, 3, 4), dueOn: today.AddDays(-3), assigneeUserId: me);
        var soon = PetitionRecords.Case(totDong, new DateOnly(2024, 3, 2), CaseStatus.UnderConsideration, subject: "Hồ sơ sắp đến hạn", acceptedOn: new DateOnly(2024, 3, 4), dueOn: today.AddDays(5), assigneeUserId: me);
        var later = PetitionRecords.Case(totDong, new DateOnly(2024, 3, 3), CaseStatus.UnderConsideration, subject: "Hồ sơ còn xa hạn", acceptedOn: new DateOnly(2024, 3, 4), dueOn: today.AddDays(20), assigneeUserId: me);
        var theirs = PetitionRecords.Case(totDong, new DateOnly(2024, 3, 4), CaseStatus.UnderConsideration, subject: "Hồ sơ của người khác", acceptedOn: new DateOnly(2024, 3, 4), dueOn: today.AddDays(-1), assigneeUserId: colleague);
        var received = PetitionRecords.Case(totDong, today.AddDays(-1), CaseStatus.Received, subject: "Đơn mới gửi qua cổng công khai");
        await PetitionRecords.AddAsync(database, late, soon, later, theirs, received);
        var session = await PageSession.SignInAsync(factory, TotDongOfficer);

        var (_, week) = await session.GetAsync("/work");
        var (_, month) = await session.GetAsync("/work?days=30");

        Assert.Equal(
            ["1 vụ việc mới chờ tiếp nhận", "1 vụ việc được giao cho bạn đã quá hạn", "1 vụ việc được giao cho bạn đến hạn trong 7 ngày tới"],
            week.QuerySelectorAll("ul.sentences li").Select(PageText.Of));
        var sections = week.QuerySelectorAll("main section").ToList();
        Assert.Equal([received.Reference], Listed(sections[0]));
        Assert.Equal([late.Reference], Listed(sections[1]));
        Assert.Equal([soon.Reference], Listed(sections[2]));
        Assert.Contains("quá hạn 3 ngày", PageText.Of(sections[1]));
        Assert.Contains("còn 5 ngày", PageText.Of(sections[2]));
        Assert.Equal([soon.Reference, later.Reference], Listed(month.QuerySelectorAll("main section")[2]));

        // What asks for action now, in the header of every page: the case to accept and the overdue one.
        Assert.Equal("2", PageText.Of(week.QuerySelector("nav .count span[aria-hidden]")));
        Assert.Equal(": 2 việc đang chờ", PageText.Of(week.QuerySelector("nav a[href='/work'] .visually-hidden")));
    }

    private static async Task<OversightWebFactory> FactoryAsync(TestDatabase database)
    {
        await TestUnits.AddChuongMyFragmentAsync(database);
        var factory = new OversightWebFactory(database);
        await factory.AddUserAsync(TotDongOfficer, Roles.Officer, "10060", InspectionDay);
        await factory.AddUserAsync(HopDongOfficer, Roles.Officer, "10072", InspectionDay);
        await factory.AddUserAsync(DistrictLeader, Roles.Leader, "277", InspectionDay);
        return factory;
    }

    /// <summary>Records a case in Xã Tốt Động through the workflow, received on 15 Jul 2024, as a command of the CLI does.</summary>
    private static async Task<Guid> ReceiveAsync(TestDatabase database, string kind, string petitioner)
    {
        await using var scope = database.SystemScope("cli:clerk");
        var result = await scope.ServiceProvider.GetRequiredService<CaseWorkflow>().ReceiveAsync(new CaseRequest(
            kind, "10060", "2024-07-15", "reception-session", "Tố cáo cán bộ địa chính", "Nội dung tố cáo",
            new PetitionerDetails(petitioner, "Thôn Đồng Tâm", "0912 345 678")), Cancel);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Case!.Id;
    }

    private static string[] Handlers(IEnumerable<IElement> forms) =>
        forms.Select(f => f.GetAttribute("action")!.Split("handler=")[1].Split('&')[0]).ToArray();

    private static string[] Listed(IParentNode section) =>
        section.QuerySelectorAll("ul.inbox-items a").Select(PageText.Of).ToArray();

    private static string[] References(IParentNode page) =>
        page.QuerySelectorAll("table.cases tbody th a").Select(PageText.Of).ToArray();

    private static async Task<string> HtmlAsync(PageSession session, string url)
    {
        using var response = await session.Client.GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

}
