using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Petitions;

public sealed class CaseRegisterTests
{
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_unit_filter_takes_the_subtree_of_its_date_or_of_all_time_and_combines_with_kind_status_period_and_words(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        var phungChau = await UnitIdAsync(database, "10021", InspectionDay);
        var quangBi = await UnitIdAsync(database, "10072", TestUnits.Reorganisation);
        await AddAsync(database,
            Case(totDong, new(2024, 3, 1), subject: "Tranh chấp đất đai ở thôn Đồng Cao"),
            Case(totDong, new(2024, 5, 2), CaseStatus.Resolved, CaseKind.Complaint, closedOn: new(2024, 6, 1)),
            Case(phungChau, new(2024, 4, 3), kind: CaseKind.Complaint),
            Case(quangBi, new(2026, 2, 4)));
        await using var scope = database.SystemScope();
        var register = scope.ServiceProvider.GetRequiredService<CaseRegister>();

        var district = await register.ListAsync(new CaseFilter { UnitCode = "277", UnitAsOf = InspectionDay }, cancellationToken: Cancel);
        var byPeriod = await register.ListAsync(new CaseFilter { UnitCode = "277", ReceivedFrom = new(2024, 4, 1), ReceivedTo = new(2024, 6, 30) }, cancellationToken: Cancel);
        var complaints = await register.ListAsync(new CaseFilter { Kind = CaseKind.Complaint, Open = true }, cancellationToken: Cancel);
        var closed = await register.ListAsync(new CaseFilter { Open = false }, cancellationToken: Cancel);
        var words = await register.ListAsync(new CaseFilter { Search = "ĐẤT dai  dong cao" }, cancellationToken: Cancel);
        var sinceFormed = await register.ListAsync(new CaseFilter { UnitCode = "10072", UnitAsOf = TestUnits.Reorganisation }, cancellationToken: Cancel);
        var allTime = await register.ListAsync(new CaseFilter { UnitCode = "10072" }, cancellationToken: Cancel);

        Assert.Equal([new(2024, 5, 2), new(2024, 4, 3), new(2024, 3, 1)], district!.Rows.Select(r => r.ReceivedOn));
        Assert.Equal(["10060", "10021", "10060"], district.Rows.Select(r => r.UnitCode));
        Assert.Equal("Xã Tốt Động", district.Rows[0].UnitName);
        Assert.Equal([new(2024, 5, 2), new(2024, 4, 3)], byPeriod!.Rows.Select(r => r.ReceivedOn));
        Assert.Equal(new DateOnly(2024, 4, 3), Assert.Single(complaints!.Rows).ReceivedOn);
        Assert.Equal(CaseStatus.Resolved, Assert.Single(closed!.Rows).Status);
        Assert.Equal("Tranh chấp đất đai ở thôn Đồng Cao", Assert.Single(words!.Rows).Subject);
        Assert.Equal("Xã Quảng Bị", Assert.Single(sinceFormed!.Rows).UnitName);

        // Without a day, the unit's records over all time: those of Xã Tốt Động, which it was formed from, included.
        Assert.Equal(["10072", "10060", "10060"], allTime!.Rows.Select(r => r.UnitCode));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Percent_and_underscore_in_a_search_word_are_matched_as_written(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        await AddAsync(database,
            Case(totDong, new(2024, 3, 1), subject: "Đề nghị giảm 50% học phí"),
            Case(totDong, new(2024, 3, 2), subject: "Hồ sơ số 508 bị thất lạc"),
            Case(totDong, new(2024, 3, 3), subject: "Tệp ho_so_goc.pdf không mở được"));
        await using var scope = database.SystemScope();
        var register = scope.ServiceProvider.GetRequiredService<CaseRegister>();

        var percent = await register.ListAsync(new CaseFilter { Search = "50%" }, cancellationToken: Cancel);
        var underscore = await register.ListAsync(new CaseFilter { Search = "ho_so" }, cancellationToken: Cancel);

        Assert.Equal("Đề nghị giảm 50% học phí", Assert.Single(percent!.Rows).Subject);
        Assert.Equal("Tệp ho_so_goc.pdf không mở được", Assert.Single(underscore!.Rows).Subject);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_search_follows_a_changed_subject_and_finds_words_shorter_than_three_letters(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        var changed = Case(totDong, new(2024, 3, 1), subject: "Tranh chấp đất đai ở thôn Đồng Cao");
        await AddAsync(database, changed, Case(totDong, new(2024, 3, 2), subject: "Đề nghị làm lại cầu ở xã"));
        await CatchUpAsync(2);
        await using (var edit = database.SystemScope())
        {
            var db = edit.ServiceProvider.GetRequiredService<OversightDbContext>();
            (await db.Cases.SingleAsync(c => c.Id == changed.Id, Cancel)).Subject = "Khiếu nại về bồi thường giải phóng mặt bằng";
            await db.SaveChangesAsync(Cancel);
        }

        // On SQLite, first while the changed case waits to be indexed again, then from the trigram index.
        await AssertFoundAsync();
        await CatchUpAsync(1);
        await AssertFoundAsync();

        async Task CatchUpAsync(int pending)
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                await using var indexing = database.SystemScope();
                Assert.Equal(pending, await CaseSearchIndex.CatchUpAsync(indexing.ServiceProvider.GetRequiredService<OversightDbContext>(), Cancel));
            }
        }

        async Task AssertFoundAsync()
        {
            await using var scope = database.SystemScope();
            var register = scope.ServiceProvider.GetRequiredService<CaseRegister>();

            var newWords = await register.ListAsync(new CaseFilter { Search = "BỒI thuong" }, cancellationToken: Cancel);
            var oldWords = await register.ListAsync(new CaseFilter { Search = "đất đai" }, cancellationToken: Cancel);
            var shortWords = await register.ListAsync(new CaseFilter { Search = "ở xã" }, cancellationToken: Cancel);

            Assert.Equal(changed.Id, Assert.Single(newWords!.Rows).Id);
            Assert.Empty(oldWords!.Rows);
            Assert.Equal("Đề nghị làm lại cầu ở xã", Assert.Single(shortWords!.Rows).Subject);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_word_search_counts_to_the_end_of_its_page_and_a_filter_without_words_counts_further(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        await AddAsync(database, [.. Enumerable.Range(0, 120).Select(i => Case(totDong, new DateOnly(2024, 1, 1).AddDays(i), subject: "Sửa đường liên thôn"))]);
        await using var scope = database.SystemScope();
        var register = scope.ServiceProvider.GetRequiredService<CaseRegister>();

        var first = await register.ListAsync(new CaseFilter { Search = "duong" }, 1, 50, Cancel);
        var second = await register.ListAsync(new CaseFilter { Search = "duong" }, 2, 50, Cancel);
        var last = await register.ListAsync(new CaseFilter { Search = "duong" }, 3, 50, Cancel);
        var pastTheEnd = await register.ListAsync(new CaseFilter { Search = "duong" }, 4, 50, Cancel);
        var all = await register.ListAsync(new CaseFilter { Kind = CaseKind.Petition }, 1, 50, Cancel);

        Assert.Equal((50, true), (first!.MatchCount, first.MatchCountIsCapped));
        Assert.Equal((100, true), (second!.MatchCount, second.MatchCountIsCapped));
        Assert.Equal((120, false), (last!.MatchCount, last.MatchCountIsCapped));
        Assert.Equal((120, false), (pastTheEnd!.MatchCount, pastTheEnd.MatchCountIsCapped));
        Assert.Equal((120, false), (all!.MatchCount, all.MatchCountIsCapped));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_of_one_commune_never_sees_another_communes_cases(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        var hopDong = await UnitIdAsync(database, "10072", InspectionDay);
        var phungChau = await UnitIdAsync(database, "10021", InspectionDay);
        var quangBi = await UnitIdAsync(database, "10072", TestUnits.Reorganisation);
        await AddAsync(database, Case(totDong, new(2024, 3, 1)), Case(hopDong, new(2024, 3, 2)), Case(phungChau, new(2024, 3, 3)));
        await using var totDongOfficer = database.UserScope("officer.totdong", Roles.Officer, totDong);
        await using var quangBiOfficer = database.UserScope("officer.quangbi", Roles.Officer, quangBi);
        await using var noScope = database.UserScope("nobody", Roles.Officer, null);
        var totDongRegister = totDongOfficer.ServiceProvider.GetRequiredService<CaseRegister>();

        var own = await totDongRegister.ListAsync(new CaseFilter(), cancellationToken: Cancel);
        var district = await totDongRegister.ListAsync(new CaseFilter { UnitCode = "277", UnitAsOf = InspectionDay }, cancellationToken: Cancel);
        var neighbour = await totDongRegister.ListAsync(new CaseFilter { UnitCode = "10021", UnitAsOf = InspectionDay }, cancellationToken: Cancel);
        var successor = await quangBiOfficer.ServiceProvider.GetRequiredService<CaseRegister>().ListAsync(new CaseFilter(), cancellationToken: Cancel);
        var nothing = await noScope.ServiceProvider.GetRequiredService<CaseRegister>().ListAsync(new CaseFilter(), cancellationToken: Cancel);

        Assert.Equal(["10060"], own!.Rows.Select(r => r.UnitCode));
        Assert.Null(district);
        Assert.Null(neighbour);
        Assert.Equal(["10072", "10060"], successor!.Rows.Select(r => r.UnitCode));
        Assert.Empty(nothing!.Rows);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_district_officer_with_a_hundred_party_branches_in_scope_sees_its_own_cases_newest_first_filtered_and_counted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var district = await UnitIdAsync(database, "277", InspectionDay);
        await using (var setup = database.SystemScope("test-setup"))
        {
            var db = setup.ServiceProvider.GetRequiredService<OversightDbContext>();
            var chuongMy = await db.Units.SingleAsync(u => u.Id == district, Cancel);
            for (var i = 1; i <= 100; i++)
            {
                TestUnits.Add(db, $"CB{i:D3}", $"Chi bộ thôn {i}", UnitKind.PartyBranch, chuongMy, null, TestUnits.LastDayOfDistricts);
            }

            await db.SaveChangesAsync(Cancel);
        }

        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        var branch = await UnitIdAsync(database, "CB042", InspectionDay);
        var quangBi = await UnitIdAsync(database, "10072", TestUnits.Reorganisation);
        await AddAsync(database,
            Case(totDong, new(2024, 3, 1)),
            Case(branch, new(2024, 3, 5), kind: CaseKind.Denunciation),
            Case(district, new(2024, 3, 3)),
            Case(totDong, new(2024, 3, 4), kind: CaseKind.Complaint),
            Case(quangBi, new(2026, 2, 4)));
        await using var officer = database.UserScope("officer.district", Roles.Officer, district);
        var register = officer.ServiceProvider.GetRequiredService<CaseRegister>();

        var first = await register.ListAsync(new CaseFilter(), 1, 3, Cancel);
        var second = await register.ListAsync(new CaseFilter(), 2, 3, Cancel);
        var complaints = await register.ListAsync(new CaseFilter { Kind = CaseKind.Complaint }, cancellationToken: Cancel);

        Assert.Equal([new(2024, 3, 5), new(2024, 3, 4), new(2024, 3, 3)], first!.Rows.Select(r => r.ReceivedOn));
        Assert.Equal(["CB042", "10060", "277"], first.Rows.Select(r => r.UnitCode));
        Assert.True(first.HasNextPage);
        Assert.Equal([new(2024, 3, 1)], second!.Rows.Select(r => r.ReceivedOn));
        Assert.Equal(4, second.MatchCount);
        Assert.Equal(["10060"], complaints!.Rows.Select(r => r.UnitCode));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Overdue_and_due_soon_follow_the_running_deadline_and_a_denouncer_is_never_named(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using (var setup = database.SystemScope())
        {
            Assert.Null(await setup.ServiceProvider.GetRequiredService<AccountService>().AddUserAsync("officer.a", Roles.Officer, "10072", null, OversightWebFactory.Password, "Trần Thị Bình", Cancel));
        }

        var assignee = await UserIdAsync(database, "officer.a");
        var quangBi = await UnitIdAsync(database, "10072", TestUnits.Reorganisation);
        // Today is 25 Nov 2026.
        var notAccepted = Case(quangBi, new(2026, 11, 10), assigneeUserId: assignee);
        var dueInThreeDays = Case(quangBi, new(2026, 10, 1), CaseStatus.Accepted, CaseKind.Denunciation, petitioner: "Lê Văn Tố", acceptedOn: new(2026, 10, 5), dueOn: new(2026, 11, 28), assigneeUserId: assignee);
        var dueLater = Case(quangBi, new(2026, 9, 1), CaseStatus.UnderConsideration, acceptedOn: new(2026, 9, 5), dueOn: new(2026, 12, 20), assigneeUserId: assignee);
        var resolvedLate = Case(quangBi, new(2026, 8, 1), CaseStatus.Resolved, acceptedOn: new(2026, 8, 5), dueOn: new(2026, 9, 5), closedOn: new(2026, 10, 1), assigneeUserId: assignee);
        var someoneElses = Case(quangBi, new(2026, 11, 1), CaseStatus.Accepted, acceptedOn: new(2026, 11, 2), dueOn: new(2026, 11, 20));
        await AddAsync(database, notAccepted, dueInThreeDays, dueLater, resolvedLate, someoneElses);
        await using var scope = database.SystemScope();
        var register = scope.ServiceProvider.GetRequiredService<CaseRegister>();

        var overdue = await register.ListAsync(new CaseFilter { Overdue = true }, cancellationToken: Cancel);
        var dueSoon = await register.ListAsync(new CaseFilter { DueWithinDays = 7 }, cancellationToken: Cancel);
        var mine = await register.ListAsync(new CaseFilter { AssigneeUserId = assignee }, cancellationToken: Cancel);
        var counts = (
            Overdue: await register.CountAsync(new CaseFilter { AssigneeUserId = assignee, Overdue = true }, Cancel),
            DueSoon: await register.CountAsync(new CaseFilter { AssigneeUserId = assignee, DueWithinDays = 7 }, Cancel));

        Assert.Equal([notAccepted.Id, someoneElses.Id], overdue!.Rows.Select(r => r.Id));
        Assert.Equal([-5, -5], overdue.Rows.Select(r => r.DaysLeft));
        Assert.All(overdue.Rows, r => Assert.True(r.Overdue));
        var soon = Assert.Single(dueSoon!.Rows);
        Assert.Equal((dueInThreeDays.Id, 3, false), (soon.Id, soon.DaysLeft!.Value, soon.Overdue));
        Assert.Null(soon.PetitionerName);
        Assert.Equal(4, mine!.Rows.Count);
        Assert.All(mine.Rows, r => Assert.Equal("Trần Thị Bình", r.AssigneeName));
        Assert.Equal((null, false), (mine.Rows.Single(r => r.Id == resolvedLate.Id).CurrentDueOn, mine.Rows.Single(r => r.Id == resolvedLate.Id).Overdue));
        Assert.Equal((Overdue: 1, DueSoon: 1), counts);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_are_stable_and_say_whether_another_follows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var quangBi = await UnitIdAsync(database, "10072", TestUnits.Reorganisation);
        var sameDay = Enumerable.Range(0, 5).Select(_ => Case(quangBi, new(2026, 11, 2))).ToArray();
        await AddAsync(database, [.. sameDay]);
        await using var scope = database.SystemScope();
        var register = scope.ServiceProvider.GetRequiredService<CaseRegister>();

        var pages = new List<CaseRegisterPage>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add((await register.ListAsync(new CaseFilter(), page, 2, Cancel))!);
        }

        Assert.Equal([2, 2, 1, 0], pages.Select(p => p.Rows.Count));
        Assert.Equal([true, true, false, false], pages.Select(p => p.HasNextPage));
        Assert.Equal([5, 5, 5, 5], pages.Select(p => p.MatchCount));
        Assert.Equal(sameDay.Select(c => c.Id).Order(), pages.SelectMany(p => p.Rows).Select(r => r.Id).Order());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_is_protracted_when_it_repeats_an_earlier_one_or_stays_open_past_the_threshold(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var quangBi = await UnitIdAsync(database, "10072", TestUnits.Reorganisation);
        var first = Case(quangBi, new(2025, 9, 1), CaseStatus.Resolved, closedOn: new(2025, 10, 1));
        var repeat = Case(quangBi, new(2026, 11, 1));
        repeat.RepeatOfCaseId = first.Id;
        var longOpen = Case(quangBi, new(2026, 5, 1), CaseStatus.UnderConsideration, acceptedOn: new(2026, 5, 5), dueOn: new(2026, 6, 5));
        var recent = Case(quangBi, new(2026, 10, 1), CaseStatus.Accepted, acceptedOn: new(2026, 10, 5), dueOn: new(2026, 11, 5));
        await AddAsync(database, first);
        await AddAsync(database, repeat, longOpen, recent);
        await using var scope = database.SystemScope();

        var protracted = await scope.ServiceProvider.GetRequiredService<CaseRegister>().ListAsync(new CaseFilter { ProtractedAfterDays = 180 }, cancellationToken: Cancel);

        Assert.Equal([repeat.Id, longOpen.Id], protracted!.Rows.Select(r => r.Id));
    }

    private static async Task<string> UserIdAsync(TestDatabase database, string userName)
    {
        await using var scope = database.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Cancel);
    }
}
