using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Demo;
using Oversight.Organisation;

namespace Oversight.Benchmarks;

/// <summary>
/// Target: each accountability register page (inspections, tasks, discipline, moves, dissemination) answers with p95
/// under 100 ms with 100,000 records of its kind. Loads the demo, writes <c>--records</c> (default 100,000) of each
/// kind straight through the bulk path, spread over the communes standing on each day of the last three years, then
/// starts the Release web host and times each register's first page and a filtered page, signed in as the
/// administrator (whole country) and as the demo's district officer (Chương Mỹ, a few hundred of the records).
/// </summary>
internal static class RegistersBenchmark
{
    private const int BatchSize = 50_000;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var webDll = WebBenchmark.FindWebBuild();
        await using var database = await BenchDatabase.CreateAsync(options.PostgresServer, options.Keep);
        await using (var services = await database.OpenAsync())
        {
            await using (var scope = BenchDatabase.SystemScope(services))
            {
                if ((await scope.ServiceProvider.GetRequiredService<DemoScenario>().LoadAsync()).Outcome != DemoOutcome.Loaded)
                {
                    Console.Error.WriteLine("the demo did not load");
                    return 1;
                }
            }

            var clock = Stopwatch.StartNew();
            await SeedAsync(services, options.Records);
            Console.WriteLine($"Seeded {options.Records:N0} records of each kind on {options.DatabaseName} in {clock.Elapsed.TotalSeconds:F1} s");
        }

        (string Label, string Path)[] requests =
        [
            ("inspections, first page", "/inspections"),
            ("inspections, surprise", "/inspections?kind=surprise"),
            ("tasks, first page (with warnings)", "/tasks"),
            ("tasks, overdue", "/tasks?status=overdue"),
            ("discipline, first page", "/discipline"),
            ("discipline, Inspection Committee, warning", "/discipline?body=inspection-committee&form=warning"),
            ("moves, first page", "/moves"),
            ("moves, planning, school managers", "/moves?reason=planning&post=school-manager"),
            ("dissemination, first page", "/dissemination"),
            ("dissemination, in person, 2025", "/dissemination?format=in-person&from=2025-01-01&to=2025-12-31"),
            ("sensitive posts past their change", "/moves/sensitive-posts"),
        ];

        await using var server = await WebBenchmark.WebHost.StartAsync(webDll, database);
        foreach (var userName in new[] { "admin", "officer" })
        {
            using var browser = await WebBenchmark.SignInAsync(server.BaseAddress, userName, DemoScenario.Accounts.Single(a => a.UserName == userName).Password);
            foreach (var (label, path) in requests)
            {
                var times = await WebBenchmark.TimeAsync(browser, path, options.Requests);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{userName,-7} {label,-44} {Percentiles.Describe(times)}  {path}"));
            }
        }

        return 0;
    }

    /// <summary>
    /// <paramref name="count"/> inspections (one target each), follow-up tasks, discipline decisions, moves and
    /// dissemination events (one unit attending each), over the communes of the last three years under the unit
    /// carrying <paramref name="within"/> (all of Vietnam when null), in one transaction without audit entries, then
    /// ANALYZE.
    /// </summary>
    internal static async Task SeedAsync(IServiceProvider services, int count, string? within = null)
    {
        await using var scope = BenchDatabase.SystemScope(services);
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var graph = await scope.ServiceProvider.GetRequiredService<CallerScope>().GraphAsync();
        var today = VietnamTime.Today(TimeProvider.System);
        var first = today.AddYears(-3).AddDays(1);
        var communes = new CaseGenerator.CommunesByMonth(graph, first, today, within);
        var people = await db.People.AsNoTracking().Select(p => p.Id).Take(10_000).ToListAsync();
        var random = new Random(4);
        DateOnly Day() => first.AddDays(random.Next(today.DayNumber - first.DayNumber + 1));
        T Pick<T>(T[] values) => values[random.Next(values.Length)];

        await using var transaction = await WriteTransaction.BeginAsync(db.Database, CancellationToken.None);
        var inspectionIds = new List<Guid>(count);
        await InBatchesAsync(db, count, i =>
        {
            var day = Day();
            var inspection = new Inspection
            {
                Reference = $"BENCH-KT-{i:D6}", Kind = Pick(Enum.GetValues<InspectionKind>()), DecidingUnitId = communes.Pick(day, random), DecidedOn = day,
                Title = "Kiểm tra việc thực hiện Chỉ thị", ConcludedOn = day.AddDays(60) <= today ? day.AddDays(60) : null,
            };
            inspectionIds.Add(inspection.Id);
            return inspection;
        });
        await InBatchesAsync(db, count, i => new InspectionTarget { InspectionId = inspectionIds[i], Kind = TargetKind.Unit, UnitId = communes.Pick(today, random) });
        await InBatchesAsync(db, count, i =>
        {
            var due = Day();
            var done = random.NextDouble() < 0.8 && due <= today ? due.AddDays(-random.Next(30)) : (DateOnly?)null;
            return new FollowUpTask
            {
                Reference = $"BENCH-NV-{i:D6}", InspectionId = inspectionIds[random.Next(count)], OwnerUnitId = communes.Pick(due, random), Description = "Khắc phục hạn chế sau kiểm tra",
                DueOn = due, DoneOn = done, Status = done is not null ? FollowUpStatus.Done : random.NextDouble() < 0.5 ? FollowUpStatus.InProgress : FollowUpStatus.Open,
            };
        });
        await InBatchesAsync(db, count, i =>
        {
            var day = Day();
            var unit = communes.Pick(day, random);
            return new DisciplineDecision
            {
                DecisionNumber = $"BENCH-{i:D6}-QĐ/UBKT", DecidedOn = day, Body = Pick(Enum.GetValues<DecidingBody>()), DecidingUnitId = unit, Subject = DisciplineSubject.Organisation,
                SubjectUnitId = unit, Form = Pick([DisciplineForm.Reprimand, DisciplineForm.Warning, DisciplineForm.Dissolution]), ViolationOn = day.AddDays(-random.Next(400)),
            };
        });
        await InBatchesAsync(db, count, i =>
        {
            var day = Day();
            return new PersonnelMove
            {
                Reference = $"BENCH-LC-{i:D6}", PersonId = people[random.Next(people.Count)], Kind = Pick(Enum.GetValues<MoveKind>()), PostKind = Pick(Enum.GetValues<PostKind>()),
                FromUnitId = communes.Pick(day, random), FromTitle = "Phó Chủ tịch UBND", ToUnitId = communes.Pick(day, random), ToTitle = "Phó Chủ tịch UBND",
                EffectiveOn = day, Reason = Pick(Enum.GetValues<MoveReason>()), DecidingUnitId = communes.Pick(day, random),
            };
        });
        var events = new List<(Guid Id, DateOnly HeldOn)>(count);
        await InBatchesAsync(db, count, i =>
        {
            var day = Day();
            var item = new DisseminationEvent { Reference = $"BENCH-HN-{i:D6}", OrganiserUnitId = communes.Pick(day, random), HeldOn = day, Online = random.NextDouble() < 0.3, Title = "Hội nghị quán triệt" };
            events.Add((item.Id, day));
            return item;
        });
        await InBatchesAsync(db, count, i =>
        {
            var (eventId, day) = events[i];
            return new DisseminationAttendance { EventId = eventId, UnitId = communes.Pick(day, random), Invited = 40, Attended = 38 };
        });
        await transaction.CommitAsync(CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    private static async Task InBatchesAsync<T>(OversightDbContext db, int count, Func<int, T> make) where T : class
    {
        var batch = new List<T>(BatchSize);
        for (var i = 0; i < count; i++)
        {
            batch.Add(make(i));
            if (batch.Count == BatchSize || i == count - 1)
            {
                await BulkInsert.RowsAsync(db, batch, CancellationToken.None);
                batch.Clear();
            }
        }
    }
}
