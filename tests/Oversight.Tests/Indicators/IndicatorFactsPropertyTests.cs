using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accountability;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Indicators;

/// <summary>
/// Seeded random sequences of writes — creations, edits, status changes, extensions, deletions, records moved to
/// another unit, an import that fails halfway, two writers at once, days passing — after each of which the facts kept
/// in the database equal a recount from the records, for every unit, quantity and a mix of periods.
/// </summary>
public sealed class IndicatorFactsPropertyTests
{
    private const int Steps = 40;

    private static readonly DateOnly FirstDay = new(2023, 1, 1);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider, int> Runs => new()
    {
        { DatabaseProvider.Sqlite, 1 },
        { DatabaseProvider.Sqlite, 2 },
        { DatabaseProvider.PostgreSQL, 3 },
        { DatabaseProvider.PostgreSQL, 4 },
    };

    [Theory, MemberData(nameof(Runs))]
    public async Task The_kept_facts_equal_a_recount_after_every_write(DatabaseProvider provider, int seed)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var units = new List<Guid>();
        foreach (var code in new[] { "10060", "10072", "10063", "10021" })
        {
            units.Add(await UnitIdAsync(database, code, TestUnits.LastDayOfDistricts));
        }

        var run = new Run(database, new Random(seed), units);
        for (var step = 0; step < Steps; step++)
        {
            var what = await run.StepAsync();
            await AssertFactsEqualRecountAsync(database, $"seed {seed}, step {step}: {what}");
        }

        // Merged rows give the same figures as the rows writes added.
        await using (var scope = database.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            while (await scope.ServiceProvider.GetRequiredService<IndicatorFacts>().CompactAsync(db, null, Cancel))
            {
            }

            Assert.Equal(0, await db.Set<IndicatorFact>().CountAsync(f => !f.Compacted, Cancel));
        }

        await AssertFactsEqualRecountAsync(database, $"seed {seed}, after merging");
        Assert.True(run.Counted > 0, "the run wrote records that count");
    }

    private static async Task AssertFactsEqualRecountAsync(TestDatabase database, string after)
    {
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var facts = scope.ServiceProvider.GetRequiredService<IndicatorFacts>();
        var today = VietnamTime.Today(database.Time);
        IndicatorPeriod[] periods =
        [
            IndicatorPeriod.Of(new(2024, 1, 1), new(2024, 12, 31), today),
            IndicatorPeriod.Of(new(2024, 2, 15), new(2024, 11, 14), today),
            IndicatorPeriod.Of(new(2025, 6, 10), new(2025, 7, 9), today),
            IndicatorPeriod.Of(FirstDay, today, today),
            IndicatorPeriod.Of(today.AddDays(-40), today.AddDays(30), today),
        ];
        foreach (var period in periods)
        {
            var differences = await facts.CheckAsync(db, period, null, Cancel);
            Assert.True(differences.Count == 0,
                $"{after}, {period.From}..{period.To}: " + string.Join("; ", differences.Take(5).Select(d => $"{d.Quantity} kept {d.Kept} recounted {d.Recounted}")));
        }
    }

    /// <summary>The records a run has written and the writes it can make next.</summary>
    private sealed class Run(TestDatabase database, Random random, IReadOnlyList<Guid> units)
    {
        private static readonly string[] Hosts = ["Nguyễn Văn Bí", "Trần Thị Chủ", "Lê Văn Phó"];

        private int sequence;

        public int Counted { get; private set; }

        public async Task<string> StepAsync()
        {
            var choice = random.Next(100);
            switch (choice)
            {
                case < 25:
                    await WriteAsync(db => db.Cases.Add(NewCase(db)));
                    Counted++;
                    return "a case received";
                case < 30:
                    await WriteAsync(db => db.ReceptionSessions.Add(NewSession()));
                    Counted++;
                    return "a session held";
                case < 35:
                    // Another session of a host on a day they already received citizens: it may become their first of the day.
                    await WriteAsync(db =>
                    {
                        var sessions = db.ReceptionSessions.AsNoTracking().ToList();
                        var session = NewSession();
                        if (sessions.Count > 0)
                        {
                            var same = Pick(sessions);
                            (session.HeldOn, session.HostRole, session.HostName) = (same.HeldOn, same.HostRole, same.HostName);
                        }

                        db.ReceptionSessions.Add(session);
                    });
                    Counted++;
                    return "a host's second session of a day";
                case < 43:
                    await WriteAsync(db => db.Inspections.Add(NewInspection(db)));
                    Counted++;
                    return "an inspection with targets and tasks";
                case < 48:
                    await WriteAsync(db => db.DisciplineDecisions.Add(NewDecision()));
                    return "a discipline decision";
                case < 60:
                    return await ChangeAsync<CitizenCase>(db => db.Cases, c =>
                    {
                        switch (random.Next(5))
                        {
                            case 0:
                                c.Status = CaseStatus.UnderConsideration;
                                c.AcceptedOn = c.ReceivedOn.AddDays(random.Next(0, 15));
                                c.DueOn = c.AcceptedOn.Value.AddDays(30);
                                return "a case accepted";
                            case 1:
                                c.Status = random.Next(4) == 0 ? CaseStatus.Rejected : CaseStatus.Resolved;
                                c.ClosedOn = c.ReceivedOn.AddDays(random.Next(-2, 400));
                                return "a case closed";
                            case 2:
                                c.DueOn = (c.DueOn ?? c.ReceivedOn).AddDays(random.Next(5, 60));
                                return "a case's deadline extended";
                            case 3:
                                c.Status = CaseStatus.UnderConsideration;
                                c.ClosedOn = null;
                                return "a case reopened";
                            default:
                                c.UnitId = Pick(units);
                                return "a case moved to another unit";
                        }
                    });
                case < 66:
                    return await ChangeAsync<ReceptionSession>(db => db.ReceptionSessions, s =>
                    {
                        if (random.Next(2) == 0)
                        {
                            s.HostRole = Pick(Enum.GetValues<HostRole>());
                            return "a session's host role changed";
                        }

                        s.HeldOn = s.HeldOn.AddDays(random.Next(-3, 4));
                        return "a session moved to another day";
                    });
                case < 72:
                    return await ChangeAsync<Inspection>(db => db.Inspections, i =>
                    {
                        i.ConcludedOn = random.Next(3) == 0 ? null : i.DecidedOn.AddDays(random.Next(0, 200));
                        return "an inspection concluded or reopened";
                    });
                case < 78:
                    return await ChangeAsync<FollowUpTask>(db => db.FollowUpTasks, t =>
                    {
                        t.DoneOn = random.Next(3) == 0 ? null : t.DueOn.AddDays(random.Next(-60, 60));
                        t.DueOn = random.Next(3) == 0 ? t.DueOn.AddDays(random.Next(1, 90)) : t.DueOn;
                        return "a task done, undone or given more time";
                    });
                case < 84:
                    return await DeleteAsync();
                case < 89:
                    return await FailedImportAsync();
                case < 95:
                    await Task.WhenAll(
                        WriteAsync(db => db.Cases.Add(NewCase(db))),
                        WriteAsync(db => db.ReceptionSessions.Add(NewSession())));
                    Counted++;
                    return "two writers at once";
                case < 97:
                    return await MoveUnitAsync();
                default:
                    database.Time.Advance(TimeSpan.FromDays(random.Next(1, 90)));
                    return "days passed";
            }
        }

        private async Task WriteAsync(Action<OversightDbContext> write)
        {
            await using var scope = database.SystemScope("property");
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            write(db);
            await db.SaveChangesAsync(Cancel);
        }

        private async Task<string> ChangeAsync<T>(Func<OversightDbContext, IQueryable<T>> records, Func<T, string> change)
            where T : class
        {
            await using var scope = database.SystemScope("property");
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            var all = await records(db).ToListAsync(Cancel);
            if (all.Count == 0)
            {
                return $"no {typeof(T).Name} to change";
            }

            var what = change(Pick(all));
            await db.SaveChangesAsync(Cancel);
            return what;
        }

        private async Task<string> DeleteAsync()
        {
            await using var scope = database.SystemScope("property");
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            string what;
            switch (random.Next(4))
            {
                case 0 when await db.Cases.AnyAsync(Cancel):
                    db.Cases.Remove(Pick(await db.Cases.ToListAsync(Cancel)));
                    what = "a case deleted";
                    break;
                case 1 when await db.ReceptionSessions.AnyAsync(Cancel):
                    // Its cases are unlinked by the database itself.
                    db.ReceptionSessions.Remove(Pick(await db.ReceptionSessions.ToListAsync(Cancel)));
                    what = "a session deleted";
                    break;
                case 2 when await db.Inspections.AnyAsync(Cancel):
                    // Its targets go with it in the database; its tasks must be removed first.
                    var inspection = Pick(await db.Inspections.ToListAsync(Cancel));
                    db.FollowUpTasks.RemoveRange(await db.FollowUpTasks.Where(t => t.InspectionId == inspection.Id).ToListAsync(Cancel));
                    db.Inspections.Remove(inspection);
                    what = "an inspection deleted";
                    break;
                case 3 when await db.DisciplineDecisions.AnyAsync(Cancel):
                    db.DisciplineDecisions.Remove(Pick(await db.DisciplineDecisions.ToListAsync(Cancel)));
                    what = "a discipline decision deleted";
                    break;
                default:
                    return "nothing to delete";
            }

            await db.SaveChangesAsync(Cancel);
            return what;
        }

        /// <summary>
        /// A commune moved under a new province on a day of its life: its records count in the rolled-up facts of both
        /// provinces from then, which are built again from the units' own.
        /// </summary>
        private async Task<string> MoveUnitAsync()
        {
            await using var scope = database.SystemScope("property");
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            var unitId = Pick(units);
            var version = await db.UnitVersions.Where(v => v.UnitId == unitId).OrderByDescending(v => v.ValidFrom).FirstAsync(Cancel);
            var day = Day();
            if (day <= (version.ValidFrom ?? DateOnly.MinValue) || day > (version.ValidTo ?? DateOnly.MaxValue))
            {
                return "no unit to move on that day";
            }

            var province = TestUnits.Add(db, $"9{Interlocked.Increment(ref sequence):D4}", $"Tỉnh Thử {sequence}", UnitKind.Province, null, null, null);
            db.UnitVersions.Add(new UnitVersion { UnitId = unitId, Name = version.Name, Kind = version.Kind, ParentId = province.Id, ValidFrom = day, ValidTo = version.ValidTo });
            version.ValidTo = day.AddDays(-1);
            await db.SaveChangesAsync(Cancel);
            return "a commune moved under a new province";
        }

        /// <summary>An import that saves a chunk of cases, then meets a bad row: nothing of it remains.</summary>
        private async Task<string> FailedImportAsync()
        {
            await using var scope = database.SystemScope("property");
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            await using (var transaction = await WriteTransaction.BeginAsync(db.Database, Cancel))
            {
                for (var i = 0; i < 3; i++)
                {
                    db.Cases.Add(NewCase(db));
                }

                await db.SaveChangesAsync(Cancel);
                (await db.Cases.FirstAsync(Cancel)).Status = CaseStatus.Withdrawn;
                await db.SaveChangesAsync(Cancel);

                // The bad row: the transaction ends without a commit.
            }

            return "an import failed halfway";
        }

        private CitizenCase NewCase(OversightDbContext db)
        {
            var received = Day();
            var status = Pick(Enum.GetValues<CaseStatus>());
            var accepted = status == CaseStatus.Received || random.Next(4) == 0 ? (DateOnly?)null : received.AddDays(random.Next(0, 15));
            var closed = status is CaseStatus.Resolved or CaseStatus.Rejected or CaseStatus.Withdrawn or CaseStatus.Forwarded
                ? received.AddDays(random.Next(0, 300))
                : (DateOnly?)null;
            var sessions = db.ReceptionSessions.Local.Count > 0 ? db.ReceptionSessions.Local.ToList() : db.ReceptionSessions.AsNoTracking().ToList();
            var citizenCase = Case(
                Pick(units),
                received,
                status,
                Pick(Enum.GetValues<CaseKind>()),
                withinJurisdiction: random.Next(3) switch { 0 => null, 1 => false, _ => true },
                acceptedOn: accepted,
                dueOn: accepted?.AddDays(random.Next(10, 70)),
                closedOn: closed,
                sessionId: sessions.Count > 0 && random.Next(2) == 0 ? Pick(sessions).Id : null);
            citizenCase.Complex = random.Next(5) == 0;
            return citizenCase;
        }

        private ReceptionSession NewSession() =>
            Session(Pick(units), Day(), Pick(Enum.GetValues<HostRole>()), Pick(Hosts), random.Next(1, 6), random.Next(1, 8));

        private Inspection NewInspection(OversightDbContext db)
        {
            var decided = Day();
            var inspection = new Inspection
            {
                Reference = $"P-{Number()}",
                Kind = Pick(Enum.GetValues<InspectionKind>()),
                DecidingUnitId = Pick(units),
                DecidedOn = decided,
                Title = "Kiểm tra việc thực hiện Chỉ thị",
                ConcludedOn = random.Next(3) == 0 ? null : decided.AddDays(random.Next(0, 120)),
            };
            for (var i = random.Next(1, 3); i > 0; i--)
            {
                inspection.Targets.Add(new InspectionTarget { InspectionId = inspection.Id, Kind = Pick(Enum.GetValues<TargetKind>()), UnitId = Pick(units) });
            }

            for (var i = random.Next(0, 3); i > 0; i--)
            {
                db.FollowUpTasks.Add(new FollowUpTask
                {
                    Reference = $"NV-{Number()}",
                    InspectionId = inspection.Id,
                    OwnerUnitId = Pick(units),
                    Description = "Khắc phục hạn chế",
                    DueOn = decided.AddDays(random.Next(30, 200)),
                    DoneOn = random.Next(2) == 0 ? null : decided.AddDays(random.Next(10, 300)),
                });
            }

            return inspection;
        }

        private DisciplineDecision NewDecision() => new()
        {
            DecisionNumber = $"QĐ-{Number()}",
            DecidedOn = Day(),
            ViolationOn = FirstDay,
            Body = Pick(Enum.GetValues<DecidingBody>()),
            DecidingUnitId = Pick(units),
            Subject = DisciplineSubject.Organisation,
            SubjectUnitId = Pick(units),
            Form = DisciplineForm.Reprimand,
        };

        private string Number() => $"{Interlocked.Increment(ref sequence):D5}-{Guid.NewGuid():N}"[..14];

        private DateOnly Day() => FirstDay.AddDays(random.Next(0, 1400));

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
    }
}
