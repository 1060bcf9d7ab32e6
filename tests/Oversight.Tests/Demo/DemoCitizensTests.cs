using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using Oversight.Text;

namespace Oversight.Tests.Demo;

/// <summary>The demo's citizen reception gives the inspection report's figures (see <see cref="LoadedDemo"/>).</summary>
public sealed class DemoCitizensTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_citizen_summary_of_Chuong_My_gives_the_figures_of_the_report(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var web = new OversightWebFactory(database);
        var inspector = await web.CreateApiClientAsync("inspector.citizens", Roles.Inspector, "01", new DateOnly(2024, 7, 19));

        var reception = await inspector.GetFromJsonAsync<JsonElement>("/api/v1/units/277/citizen-summary?from=2023-08-01&to=2024-05-31", Cancel);
        var dialogues = await inspector.GetFromJsonAsync<JsonElement>("/api/v1/units/277/citizen-summary?from=2023-01-01&to=2024-06-30", Cancel);

        var secretary = reception.GetProperty("receptionsBySecretary");
        Assert.Equal((10, 30, 33, 34, 22, 18), (Int(secretary, "days"), Int(secretary, "visits"), Int(secretary, "people"), Int(secretary, "cases"), Int(secretary, "withinJurisdiction"), Int(secretary, "resolved")));
        var leaders = reception.GetProperty("receptionsByLeaders");
        Assert.Equal((508, 144, 108, 36), (Int(leaders, "people"), Int(leaders, "casesWithinJurisdiction"), Int(leaders, "resolved"), Int(leaders, "underConsideration")));
        var meetings = dialogues.GetProperty("dialogueMeetings");
        Assert.Equal((45, 5, 40), (Int(meetings, "total"), Int(meetings, "district"), Int(meetings, "commune")));
    }

    /// <summary>
    /// The Party Secretary receives once a month where Regulation 11-QĐi/TW asks 2 days; the chairman keeps his 2 days
    /// a month except April 2024, when Hùng Kings' day (18 Apr) fell on his Thursday.
    /// </summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_frequency_warning_names_the_District_Party_Secretary_for_every_month(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var scope = database.SystemScope();

        var shortfalls = await scope.ServiceProvider.GetRequiredService<ReceptionFrequency>().ShortfallsAsync("277", new(2023, 8, 1), new(2024, 5, 31), Cancel);

        var secretary = Assert.Single(shortfalls!, s => s.Role == HostRole.PartySecretary);
        var chairman = Assert.Single(shortfalls!, s => s.Role == HostRole.CommitteeChairman);
        Assert.Equal(2, shortfalls!.Count);
        Assert.Equal("277", secretary.Unit.Code);
        Assert.NotNull(secretary.HostPersonId);
        Assert.Equal(10, secretary.Periods.Count);
        Assert.All(secretary.Periods, p => Assert.Equal((2, 1, "reception.party-secretary.district"), (p.Required, p.Held, p.Rule.Key)));
        var april = Assert.Single(chairman.Periods);
        Assert.Equal((new DateOnly(2024, 4, 1), 2, 1), (april.From, april.Required, april.Held));
    }

    /// <summary>Some cases are still open and overdue today, some repeat an earlier one (protracted), some were resolved after May 2024.</summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Some_cases_are_overdue_some_protracted_some_resolved_after_the_period(DatabaseProvider provider)
    {
        var (database, load) = await demo.GetAsync(provider);
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var today = VietnamTime.Today(database.Time);

        var cases = await db.Cases.AsNoTracking().ToListAsync(Cancel);

        Assert.Equal(load.Counts!.Citizens.Cases, cases.Count);
        Assert.InRange(cases.Count(c => c.IsOpen && c.CurrentDueOn < today), 3, 8);
        Assert.InRange(cases.Count(c => c.RepeatOfCaseId is not null), 3, 5);
        Assert.Contains(cases, c => c.Status == CaseStatus.Resolved && c.ClosedOn > new DateOnly(2024, 5, 31));
        Assert.Contains(cases, c => c.Status == CaseStatus.Forwarded && c.Guidance is not null);
        Assert.Equal(Enum.GetValues<CaseKind>(), cases.Select(c => c.Kind).Distinct().Order());
        Assert.True(await db.CaseExtensions.AnyAsync(Cancel));
        Assert.All(cases.Where(c => c.Status == CaseStatus.Resolved), c => Assert.False(string.IsNullOrEmpty(c.Outcome)));
    }

    /// <summary>No denouncer's name is kept in plain text in any column of any case or in any step of a timeline, with or without diacritics.</summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_denouncers_name_appears_in_plain_text_in_the_cases(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        List<string> denouncers = [];
        List<string?> stored;
        await using (var scope = database.UserScope("leader", Roles.Leader, null))
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            var identity = scope.ServiceProvider.GetRequiredService<DenouncerIdentity>();
            var cases = await db.Cases.AsNoTracking().ToListAsync(Cancel);
            foreach (var denunciation in cases.Where(c => c.Kind == CaseKind.Denunciation))
            {
                Assert.Null(denunciation.PetitionerName);
                Assert.Null(denunciation.PetitionerAddress);
                denouncers.Add((await identity.RevealAsync(denunciation, "checking the demo data", Cancel)).Details!.Name!);
            }

            stored = cases
                .SelectMany(c => new[]
                {
                    c.Reference, c.Subject, c.Content, c.SearchText, c.PetitionerName, c.PetitionerAddress, c.PetitionerPhone,
                    c.ProtectedIdentity, c.ForwardedTo, c.Guidance, c.Outcome, c.DeadlineBasis, c.TrackingCode,
                })
                .Concat(await db.CaseSteps.Select(s => s.Note).ToListAsync(Cancel))
                .ToList();
        }

        Assert.InRange(denouncers.Count, 3, 20);
        var texts = stored.OfType<string>().SelectMany(t => new[] { t, VietnameseText.Fold(t) }).ToList();
        foreach (var name in denouncers.SelectMany(n => new[] { n, VietnameseText.Fold(n) }))
        {
            var word = new Regex($@"(?<!\w){Regex.Escape(name)}(?!\w)", RegexOptions.IgnoreCase);
            Assert.DoesNotContain(texts, word.IsMatch);
        }
    }

    /// <summary>Two loads, into a SQLite file and a PostgreSQL database, give the same sessions, cases and meetings.</summary>
    [Fact]
    public async Task Two_loads_give_the_same_sessions_cases_and_meetings()
    {
        var sqlite = await RecordsAsync(DatabaseProvider.Sqlite);
        var postgres = await RecordsAsync(DatabaseProvider.PostgreSQL);

        Assert.Equal(sqlite, postgres);
        Assert.Contains(sqlite, line => line.StartsWith("TCD-277-2023-001 2023-08-03 ", StringComparison.Ordinal));
    }

    private async Task<List<string>> RecordsAsync(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var sessions = await db.ReceptionSessions.Select(s => $"{s.Reference} {s.HeldOn:yyyy-MM-dd} {s.HostName} {s.HostRole} {s.Visits} {s.People}").ToListAsync(Cancel);
        var cases = await db.Cases.Select(c => new { c.Reference, c.Subject, c.ReceivedOn, c.Status, c.ClosedOn, c.DueOn, c.PetitionerName }).ToListAsync(Cancel);
        var meetings = await db.DialogueMeetings.Select(m => new { m.Reference, m.HeldOn, m.Topic, Cases = m.Cases.Count }).ToListAsync(Cancel);
        return sessions
            .Concat(cases.Select(c => $"{c.Reference} {c.ReceivedOn:yyyy-MM-dd} {c.Status} {c.ClosedOn:yyyy-MM-dd} {c.DueOn:yyyy-MM-dd} {c.PetitionerName} {c.Subject}"))
            .Concat(meetings.Select(m => $"{m.Reference} {m.HeldOn:yyyy-MM-dd} {m.Cases} {m.Topic}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();
}
