using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.People;
using Oversight.Tests.Infrastructure;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Accountability;

/// <summary>The read side of the accountability registers on the records of <see cref="AccountabilitySummaryTests.AddRecordsAsync"/>; today is 25/11/2026.</summary>
public sealed class AccountabilityRegisterTests
{
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    private static readonly AccountabilityFilter Everything = new(null, null, null, null);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_filter_gives_the_matching_records_newest_first(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AccountabilitySummaryTests.AddRecordsAsync(database);
        await using var scope = database.SystemScope();
        var register = scope.ServiceProvider.GetRequiredService<AccountabilityRegister>();

        Assert.Equal(["GS-01", "KT-01"], References(await register.InspectionsAsync(Everything, null, 1, 50, Cancel)));
        Assert.Equal(["KT-01"], References(await register.InspectionsAsync(Everything, InspectionKind.Surprise, 1, 50, Cancel)));
        Assert.Equal(["GS-01"], References(await register.InspectionsAsync(Everything with { From = new(2023, 11, 2) }, null, 1, 50, Cancel)));

        Assert.Equal(["NV-03", "NV-02", "NV-01"], References(await register.TasksAsync(Everything, null, 1, 50, Cancel)));
        Assert.Equal(["NV-02"], References(await register.TasksAsync(Everything, TaskState.Overdue, 1, 50, Cancel)));
        Assert.Equal(["NV-01"], References(await register.TasksAsync(Everything, TaskState.Done, 1, 50, Cancel)));
        Assert.Equal(["NV-02"], References(await register.TasksAsync(new("10021", InspectionDay, null, null), null, 1, 50, Cancel)));
        Assert.Equal(["NV-03", "NV-02"], References(await register.TasksAsync(Everything, TaskState.Open, 1, 2, Cancel)));
        Assert.True((await register.TasksAsync(Everything, TaskState.Open, 1, 1, Cancel))!.HasNextPage);

        Assert.Equal(["1-QĐ/HU"], References(await register.DecisionsAsync(Everything, null, null, DisciplineSubject.Organisation, 1, 50, Cancel)));
        Assert.Equal(["5-QĐ/UBKT"], References(await register.DecisionsAsync(Everything with { From = new(2024, 6, 1) }, DecidingBody.InspectionCommittee, DisciplineForm.Reprimand, null, 1, 50, Cancel)));
        Assert.Empty(References(await register.DecisionsAsync(Everything, DecidingBody.PartyCell, null, null, 1, 50, Cancel)));

        Assert.Equal(["LC-02"], References(await register.MovesAsync(Everything, MoveReason.Planning, null, 1, 50, Cancel)));
        Assert.Equal(["LC-01"], References(await register.MovesAsync(Everything, null, PostKind.LeadingManagerial, 1, 50, Cancel)));

        var events = await register.EventsAsync(Everything, EventFormat.Online, 1, 50, Cancel);
        Assert.Equal([("HN-24-01", 3, 80, 79)], events!.Rows.Select(e => (e.Reference, e.Units, e.Invited, e.Attended)));
        Assert.Empty(References(await register.EventsAsync(Everything, EventFormat.InPerson, 1, 50, Cancel)));

        var warnings = (await register.TaskWarningsAsync(new("277", InspectionDay, null, null), Cancel))!;
        Assert.Equal((1, 0), (warnings.Overdue, warnings.DueSoon));
        Assert.Equal([("Xã Phụng Châu", "10021", 1)], warnings.ByUnit.Select(w => (w.Name, w.Code, w.Overdue)));
        Assert.Equal([("KT-01", 1)], warnings.ByInspection.Select(w => (w.Name, w.Overdue)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_commune_officer_sees_only_records_that_reach_the_commune(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AccountabilitySummaryTests.AddRecordsAsync(database);
        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        Guid memberDecision, foreignMove, ownDecision;
        await using (var system = database.SystemScope())
        {
            var db = system.ServiceProvider.GetRequiredService<OversightDbContext>();
            memberDecision = await db.DisciplineDecisions.Where(d => d.DecisionNumber == "2-QĐ/HU").Select(d => d.Id).SingleAsync(Cancel);
            ownDecision = await db.DisciplineDecisions.Where(d => d.DecisionNumber == "1-QĐ/HU").Select(d => d.Id).SingleAsync(Cancel);
            foreignMove = await db.PersonnelMoves.Where(m => m.Reference == "LC-02").Select(m => m.Id).SingleAsync(Cancel);
        }

        await using var scope = database.UserScope("officer.totdong", Roles.Officer, totDong);
        var register = scope.ServiceProvider.GetRequiredService<AccountabilityRegister>();

        Assert.Equal(["KT-01"], References(await register.InspectionsAsync(Everything, null, 1, 50, Cancel)));
        Assert.Equal(["NV-01"], References(await register.TasksAsync(Everything, null, 1, 50, Cancel)));
        Assert.Equal(["1-QĐ/HU"], References(await register.DecisionsAsync(Everything, null, null, null, 1, 50, Cancel)));
        Assert.Equal(["LC-01"], References(await register.MovesAsync(Everything, null, null, 1, 50, Cancel)));
        var events = await register.EventsAsync(Everything, null, 1, 50, Cancel);
        Assert.Equal([("HN-24-01", 1, 40, 40)], events!.Rows.Select(e => (e.Reference, e.Units, e.Invited, e.Attended)));
        Assert.Null(await register.TasksAsync(new("10021", InspectionDay, null, null), null, 1, 50, Cancel));

        Assert.Null(await register.DecisionAsync(memberDecision, Cancel));
        Assert.Null(await register.MoveAsync(foreignMove, Cancel));
        var own = (await register.DecisionAsync(ownDecision, Cancel))!;
        Assert.Equal(("Huyện Chương Mỹ", "Xã Tốt Động", "KT-01"), (own.DecidedBy, own.SubjectName, own.SourceInspection?.Reference));
        Assert.Equal(["1.1"], own.Manifestations.Select(m => m.Code));
        Assert.Contains(await register.HistoryAsync<DisciplineDecision>(ownDecision, Cancel), e => e.EntityType == nameof(DecisionManifestation));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sensitive_posts_held_past_the_rule_packs_period_are_listed_within_the_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        var phungChau = await UnitIdAsync(database, "10021", InspectionDay);
        Person Holder(string name, Guid unit, SensitiveField field, DateOnly from)
        {
            var person = new Person { Code = name, FullName = name };
            person.Positions.Add(new PositionHeld { PersonId = person.Id, UnitId = unit, Title = "Công chức địa chính", SensitiveField = field, From = from });
            return person;
        }

        await AddAsync(database, [
            Holder("Nguyễn Văn Lâu", totDong, SensitiveField.Land, new(2019, 3, 1)),
            Holder("Trần Văn Mới", totDong, SensitiveField.Land, new(2023, 3, 1)),
            Holder("Lê Thị Thường", totDong, SensitiveField.None, new(2010, 1, 1)),
            Holder("Phạm Văn Khác", phungChau, SensitiveField.Finance, new(2018, 1, 1)),
        ]);

        await using var admin = database.SystemScope();
        await using var officer = database.UserScope("officer.totdong", Roles.Officer, totDong);

        var all = await admin.ServiceProvider.GetRequiredService<SensitivePosts>().OverdueAsync(Everything, 1, 50, Cancel);
        var own = await officer.ServiceProvider.GetRequiredService<SensitivePosts>().OverdueAsync(Everything, 1, 50, Cancel);

        Assert.Equal([("Phạm Văn Khác", new DateOnly(2023, 1, 1)), ("Nguyễn Văn Lâu", new DateOnly(2024, 3, 1))], all!.Rows.Select(r => (r.Person, r.DueOn)));
        Assert.Equal(("periodic-post-change-2019", false), (all.Rows[0].Rule.PackId, all.Rows[0].Rule.Value.Verified));
        Assert.Equal(["Nguyễn Văn Lâu"], own!.Rows.Select(r => r.Person));
    }

    private static string[] References<TRow>(RegisterPage<TRow>? page) => page!.Rows.Select(row => row switch
    {
        InspectionRow i => i.Reference,
        TaskRow t => t.Reference,
        DecisionRow d => d.DecisionNumber,
        MoveRow m => m.Reference,
        EventRow e => e.Reference,
        _ => throw new ArgumentException(row?.GetType().Name),
    }).ToArray();
}
