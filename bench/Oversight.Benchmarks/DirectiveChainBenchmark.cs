using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accountability;
using Oversight.Data;
using Oversight.Demo;

namespace Oversight.Benchmarks;

/// <summary>
/// Target: the directive page with its whole chain (1,000 linked records) under 200 ms. Loads the demo, links
/// Directive 24-CT/TU to 1,000 records in all (the demo's own, plus follow-up tasks of its surprise inspection,
/// discipline decisions citing its manifestations and moves under it, spread over the district's communes), then
/// times <c>/directives/{id}</c> signed in as the district leader and as the administrator.
/// </summary>
internal static partial class DirectiveChainBenchmark
{
    private const int LinkedRecords = 1_000;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var webDll = WebBenchmark.FindWebBuild();
        await using var database = await BenchDatabase.CreateAsync(options.PostgresServer);
        Guid directiveId;
        await using (var services = await database.OpenAsync())
        {
            await using var scope = BenchDatabase.SystemScope(services);
            if ((await scope.ServiceProvider.GetRequiredService<DemoScenario>().LoadAsync()).Outcome != DemoOutcome.Loaded)
            {
                Console.Error.WriteLine("the demo did not load");
                return 1;
            }

            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            var linked = await LinkAsync(db);
            directiveId = (await db.Directives.SingleAsync(d => d.Symbol == "24-CT/TU")).Id;
            Console.WriteLine($"Directive 24-CT/TU on {options.DatabaseName}: {linked:N0} linked records (events, completions, inspections, tasks, decisions, moves)");
        }

        await using var server = await WebBenchmark.WebHost.StartAsync(webDll, database);
        foreach (var userName in new[] { "leader", "admin" })
        {
            using var browser = await WebBenchmark.SignInAsync(server.BaseAddress, userName, DemoScenario.Accounts.Single(a => a.UserName == userName).Password);
            var path = $"/directives/{directiveId}";
            var rows = TableRow().Count(await browser.GetStringAsync(path));
            Console.WriteLine($"page {path} as {userName,-6} ({rows:N0} table rows): {Percentiles.Describe(await WebBenchmark.TimeAsync(browser, path, options.Requests))}");
        }

        return 0;
    }

    /// <summary>Adds tasks, decisions and moves linked to 24-CT/TU until it has <see cref="LinkedRecords"/> linked records; returns their count.</summary>
    private static async Task<int> LinkAsync(OversightDbContext db)
    {
        var directive = await db.Directives.Include(d => d.Manifestations).SingleAsync(d => d.Symbol == "24-CT/TU");
        var inspection = await db.Inspections.SingleAsync(i => i.Reference == "KT-277-2023-01");
        var committees = await db.DisseminationAttendance.Select(a => a.UnitId).Distinct().ToListAsync();
        var decidingUnit = inspection.DecidingUnitId;
        var members = await db.PartyMemberships.Select(m => new { m.PersonId, m.BranchId }).Take(2_000).ToListAsync();
        var items = directive.Manifestations.Where(m => !m.IsGroup).ToList();
        var existing = await CountLinkedAsync(db, directive, inspection.Id);
        var perKind = (LinkedRecords - existing + 2) / 3;
        var random = new Random(24);
        for (var i = 0; i < perKind; i++)
        {
            var owner = committees[i % committees.Count];
            db.FollowUpTasks.Add(new FollowUpTask
            {
                Reference = $"BENCH-NV-{i:D4}", InspectionId = inspection.Id, OwnerUnitId = owner, Description = "Khắc phục hạn chế sau kiểm tra",
                DueOn = new DateOnly(2024, 1, 1).AddDays(random.Next(400)), Status = FollowUpStatus.Open,
            });
            var member = members[i % members.Count];
            var decision = new DisciplineDecision
            {
                DecisionNumber = $"BENCH-{i:D4}-QĐ/UBKTHU", Body = DecidingBody.InspectionCommittee, DecidingUnitId = decidingUnit, Subject = DisciplineSubject.Member,
                SubjectPersonId = member.PersonId, SubjectUnitId = member.BranchId, Form = DisciplineForm.Reprimand,
                DecidedOn = new DateOnly(2023, 9, 1).AddDays(random.Next(300)), ViolationOn = new DateOnly(2023, 1, 1).AddDays(random.Next(200)),
            };
            decision.Manifestations.Add(new DecisionManifestation { DecisionId = decision.Id, ManifestationId = items[i % items.Count].Id });
            db.DisciplineDecisions.Add(decision);
            db.PersonnelMoves.Add(new PersonnelMove
            {
                Reference = $"BENCH-LC-{i:D4}", PersonId = member.PersonId, Kind = MoveKind.Rotation, PostKind = PostKind.LeadingManagerial,
                FromUnitId = committees[i % committees.Count], FromTitle = "Phó Bí thư Đảng ủy", ToUnitId = committees[(i + 1) % committees.Count], ToTitle = "Phó Bí thư Đảng ủy",
                EffectiveOn = new DateOnly(2023, 11, 1).AddDays(random.Next(200)), Reason = MoveReason.UnderDirective, DirectiveId = directive.Id, DecidingUnitId = decidingUnit,
            });
        }

        await db.SaveChangesAsync();
        return await CountLinkedAsync(db, directive, inspection.Id);
    }

    private static async Task<int> CountLinkedAsync(OversightDbContext db, Directive directive, Guid surpriseId)
    {
        var manifestationIds = directive.Manifestations.Select(m => m.Id).ToList();
        var inspectionIds = await db.Inspections.Where(i => i.DirectiveId == directive.Id).Select(i => i.Id).ToListAsync();
        return await db.DisseminationEvents.CountAsync(e => e.Directives.Any(d => d.DirectiveId == directive.Id))
            + await db.DisseminationCompletions.CountAsync(c => c.DirectiveId == directive.Id)
            + inspectionIds.Count
            + await db.FollowUpTasks.CountAsync(t => inspectionIds.Contains(t.InspectionId))
            + await db.DisciplineDecisions.CountAsync(d => d.Manifestations.Any(m => manifestationIds.Contains(m.ManifestationId)) || (d.SourceInspectionId != null && inspectionIds.Contains(d.SourceInspectionId.Value)))
            + await db.PersonnelMoves.CountAsync(m => m.DirectiveId == directive.Id);
    }

    [GeneratedRegex("<tr[ >]")]
    private static partial Regex TableRow();
}
