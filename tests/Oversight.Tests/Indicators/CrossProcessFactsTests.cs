using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Indicators;

/// <summary>
/// A change made by another process (a CLI import while the web host runs, another node) shows in this one's next
/// figures: the facts live in the database and change with the records, and equal what a fresh process computes.
/// </summary>
public sealed class CrossProcessFactsTests
{
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 12, 31);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_change_another_process_makes_shows_in_the_next_figures(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var totDong = await UnitIdAsync(database, "10060", To);
        var session = Session(totDong, new(2024, 3, 4), HostRole.PartySecretary, "Nguyễn Văn Bí", visits: 3, people: 4);
        var open = Case(totDong, new(2024, 3, 4), CaseStatus.UnderConsideration, withinJurisdiction: true, acceptedOn: new(2024, 3, 6), dueOn: new(2024, 4, 6), sessionId: session.Id);
        var resolved = Case(totDong, new(2024, 3, 4), CaseStatus.Resolved, withinJurisdiction: true, acceptedOn: new(2024, 3, 6), dueOn: new(2024, 4, 6), closedOn: new(2024, 3, 20), sessionId: session.Id);
        var meeting = Meeting(totDong, new(2024, 5, 2), DialogueLevel.Commune);
        await AddAsync(database, session, open, resolved, meeting);

        var before = await ValuesAsync(database.Services);
        Assert.Equal((2L, 1L, 2L, 1L, 1L), (before["CIT.SECRETARY-CASES"].Numerator, before["CIT.SECRETARY-RESOLVED"].Numerator,
            before["CIT.RESOLVED-WITHIN-JURISDICTION"].Denominator!.Value, before["CIT.DIALOGUES"].Numerator, before["CIT.SECRETARY-DAYS"].Numerator));

        // Another process resolves the open case, deletes the meeting and says the session was the chairman's.
        await using (var other = OtherProcess(database))
        {
            await ChangeAsync(other, async db =>
            {
                var resolving = await db.Cases.SingleAsync(c => c.Id == open.Id, Cancel);
                resolving.Status = CaseStatus.Resolved;
                resolving.ClosedOn = new(2024, 3, 25);
                db.DialogueMeetings.Remove(await db.DialogueMeetings.SingleAsync(m => m.Id == meeting.Id, Cancel));
                (await db.ReceptionSessions.SingleAsync(s => s.Id == session.Id, Cancel)).HostRole = HostRole.CommitteeChairman;
            });
        }

        var changed = await ValuesAsync(database.Services);
        Assert.Equal((0L, 0L, 2L, 0L, 0L), (changed["CIT.SECRETARY-CASES"].Numerator, changed["CIT.SECRETARY-DAYS"].Numerator,
            changed["CIT.RESOLVED-WITHIN-JURISDICTION"].Numerator, changed["CIT.DIALOGUES"].Numerator, changed["CIT.OVERDUE"].Numerator));
        Assert.Equal((4L, 2L, 2L), (changed["CIT.LEADERS-PEOPLE"].Numerator, changed["CIT.LEADERS-RESOLVED"].Numerator, changed["CIT.LEADERS-RESOLVED"].Denominator!.Value));
        await AssertAsComputedAfreshAsync(database, changed);

        // The session deleted: the database unlinks its cases itself, and the audit trail names only the session.
        await using (var other = OtherProcess(database))
        {
            await ChangeAsync(other, async db => db.ReceptionSessions.Remove(await db.ReceptionSessions.SingleAsync(s => s.Id == session.Id, Cancel)));
        }

        var unlinked = await ValuesAsync(database.Services);
        Assert.Equal((0L, 0L, 2L), (unlinked["CIT.LEADERS-PEOPLE"].Numerator, unlinked["CIT.LEADERS-RESOLVED"].Denominator!.Value, unlinked["CIT.CASES"].Numerator));
        await AssertAsComputedAfreshAsync(database, unlinked);
    }

    private static async Task AssertAsComputedAfreshAsync(TestDatabase database, IReadOnlyDictionary<string, IndicatorValue> followed)
    {
        await using var fresh = OtherProcess(database);
        var whole = await ValuesAsync(fresh);
        Assert.Equal(
            whole.Values.Select(v => (v.Definition.Code, v.Numerator, v.Denominator)),
            followed.Values.Select(v => (v.Definition.Code, v.Numerator, v.Denominator)));
    }

    /// <summary>Services of their own over the same database: as another process has.</summary>
    private static ServiceProvider OtherProcess(TestDatabase database) => new ServiceCollection()
        .AddLogging()
        .AddSingleton<TimeProvider>(database.Time)
        .AddOversightCore(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build())
        .BuildServiceProvider();

    private static async Task ChangeAsync(ServiceProvider services, Func<OversightDbContext, Task> change)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Caller>().SetSystem("other-process");
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        await change(db);
        await db.SaveChangesAsync(Cancel);
    }

    private static async Task<IReadOnlyDictionary<string, IndicatorValue>> ValuesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Caller>().SetSystem("test");
        var values = await scope.ServiceProvider.GetRequiredService<IndicatorEngine>().ForUnitAsync("277", From, To, IndicatorStructure.AsOf, cancellationToken: Cancel);
        return values!.Values.ToDictionary(v => v.Definition.Code);
    }
}
