using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Documents;
using Oversight.Calendar;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Organisation;
using Oversight.Organisation.ReferenceImport;
using Oversight.People;
using Oversight.Petitions;

namespace Oversight.Demo;

/// <summary>A demo account: its name, role, the unit whose subtree it sees (by code, as of a date) and its password.</summary>
/// <remarks>The passwords are demo data, printed at start-up and in the documentation; they are not secrets.</remarks>
/// <summary>A demo account; <paramref name="PersonCode"/> names the person it belongs to, if any (the head of the delegation).</summary>
public sealed record DemoAccount(string UserName, string Role, string? UnitCode, DateOnly? AsOf, string? UnitName, string Password, string DisplayName, string? PersonCode = null)
{
    /// <summary>"Huyện Chương Mỹ (277, as of 2024-07-19)", or "everything" for an administrator.</summary>
    public string Scope => UnitCode is null ? "everything" : $"{UnitName} ({UnitCode}, as of {AsOf:yyyy-MM-dd})";

    /// <summary>An example address at a domain reserved for examples (RFC 2606): digests to it go nowhere real.</summary>
    public string Email => $"{UserName}@example.org";
}

/// <summary>What the demo added.</summary>
public sealed record DemoCounts(
    int Bodies, int PartyBranches, int PartyMembers, int Positions, int LeadershipPositions, int LineageEvents, int Accounts,
    DemoCitizenCounts Citizens, DemoAccountabilityCounts Accountability, DemoPublicServiceCounts PublicServices, int Claims, DemoScoreCounts Scores);

/// <summary>Why the demo could not be loaded; nothing of it was written.</summary>
public sealed record DemoError(string Message);

public enum DemoOutcome
{
    Loaded,
    AlreadyPresent,
    Failed,
}

/// <summary>
/// The outcome of <see cref="DemoScenario.LoadAsync"/>: what the reference import did and what the demo added when
/// it loaded, the error when it failed, the demo accounts always.
/// </summary>
public sealed record DemoLoadResult(DemoOutcome Outcome, ReferenceImportReport? Reference, DemoCounts? Counts, DemoError? Error)
{
    public IReadOnlyList<DemoAccount> Accounts => DemoScenario.Accounts;
}

/// <summary>What a database holds, as far as the demo is concerned.</summary>
public enum DemoDatabaseState
{
    /// <summary>No units at all: the demo may be loaded.</summary>
    Empty,

    /// <summary>The demo has been loaded.</summary>
    DemoPresent,

    /// <summary>Units, but not the demo's.</summary>
    OtherData,
}

/// <summary>
/// The demo scenario: the inspection of Directive 24-CT/TU in Huyện Chương Mỹ on 19 July 2024. Loads the
/// reference structure of all of Vietnam, then the district's bodies, about 11,300 Party members with synthetic
/// names, the leaders in their posts, one demo account per role, and the district's citizen reception: reception
/// sessions, citizens' cases and dialogue meetings that give the report's figures (<see cref="DemoCitizens"/>).
/// </summary>
/// <remarks>
/// Deterministic: every random choice comes from one <see cref="Random"/> with the constant <see cref="Seed"/>
/// and no date depends on the clock, so two loads give the same names, codes and dates in the same order.
/// Idempotent: when the demo is present, loading again changes nothing. All-or-nothing: the demo is written in
/// one transaction. See <c>README.md</c> beside this file for the codes and the accounts.
/// </remarks>
public sealed class DemoScenario(
    OversightDbContext db,
    UnitGraphCache graphs,
    ReferenceImporter referenceImporter,
    AccountService accountService,
    CaseWorkflow caseWorkflow,
    ReceptionRecords receptionRecords,
    WorkingCalendar workingCalendar,
    IndicatorFacts facts,
    IDataProtectionProvider dataProtection,
    IndicatorCatalog catalog,
    Caller caller,
    InspectionDocuments documents)
{
    /// <summary>The seed of every random choice of the demo.</summary>
    public const int Seed = 20240719;

    /// <summary>Party members of the demo, leaders included: "more than 11,300 cadres and Party members".</summary>
    public const int PartyMemberCount = 11_318;

    /// <summary>People are inserted this many at a time, each batch with its audit entries.</summary>
    private const int PeopleBatchSize = 2_000;

    private static readonly DateOnly NewCommunes = new(2025, 7, 1);

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin", Roles.Administrator, null, null, null, "Admin-Demo-2024", "Quản trị hệ thống"),
        new("inspector", Roles.Inspector, DemoBodies.ProvinceCode, DemoBodies.InspectionDay, "Thành phố Hà Nội", "Inspector-Demo-2024", "Đoàn kiểm tra của Thành ủy Hà Nội"),
        new("teamlead", Roles.Leader, DemoBodies.ProvinceCode, DemoBodies.InspectionDay, "Thành phố Hà Nội", "TeamLead-Demo-2024", "Trưởng Đoàn kiểm tra của Thành ủy", "CB-01-TU-0001"),
        new("leader", Roles.Leader, DemoBodies.DistrictCode, DemoBodies.InspectionDay, "Huyện Chương Mỹ", "Leader-Demo-2024", "Lãnh đạo Huyện ủy Chương Mỹ"),
        new("officer", Roles.Officer, DemoBodies.DistrictCode, DemoBodies.InspectionDay, "Huyện Chương Mỹ", "Officer-Demo-2024", "Văn phòng HĐND và UBND huyện Chương Mỹ"),
        new("officer.quangbi", Roles.Officer, "10072", NewCommunes, "Xã Quảng Bị", "QuangBi-Demo-2025", "Văn phòng Đảng ủy – UBND xã Quảng Bị"),
    ];

    public async Task<DemoDatabaseState> StateAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Units.AnyAsync(u => u.Code == DemoBodies.DistrictPartyCommitteeCode, cancellationToken))
        {
            return DemoDatabaseState.DemoPresent;
        }

        return await db.Units.AnyAsync(cancellationToken) ? DemoDatabaseState.OtherData : DemoDatabaseState.Empty;
    }

    /// <summary>Loads the demo unless it is present.</summary>
    public async Task<DemoLoadResult> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (await StateAsync(cancellationToken) == DemoDatabaseState.DemoPresent)
        {
            return new(DemoOutcome.AlreadyPresent, null, null, null);
        }

        // The reference import is idempotent and writes in its own transaction; the demo's own rows follow in another.
        var imported = await referenceImporter.ImportAsync(cancellationToken);
        if (!imported.Succeeded)
        {
            return Failed($"the reference import failed: {string.Join("; ", imported.Errors)}");
        }

        var random = new Random(Seed);
        var reference = await graphs.GetAsync(db, cancellationToken);
        var structure = DemoBodies.Plan(reference, random);
        if (structure is null)
        {
            return Failed($"the structure has no Huyện Chương Mỹ ({DemoBodies.DistrictCode}) under Hà Nội ({DemoBodies.ProvinceCode}) on {DemoBodies.InspectionDay:yyyy-MM-dd}");
        }

        var people = DemoPeople.Plan(structure, PartyMemberCount, random);
        DemoCitizenCounts citizens;
        DemoAccountabilityCounts accountability;
        DemoPublicServiceCounts publicServices;
        int claims;
        DemoScoreCounts scores;

        // Data Protection stores its first key through a connection of its own, which SQLite would make wait for
        // the transaction below (the denouncers' identities are encrypted in it): let it write the key first.
        dataProtection.CreateProtector(nameof(DemoScenario)).Protect(nameof(DemoScenario));
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        try
        {
            // Accounts first: their scope units come from the reference structure, whose graph is still current.
            foreach (var account in Accounts)
            {
                if (await accountService.AddUserAsync(account.UserName, account.Role, account.UnitCode, account.AsOf, account.Password, account.DisplayName, cancellationToken) is { } error)
                {
                    return Failed($"demo account '{account.UserName}': {error.Message}");
                }
            }

            db.Units.AddRange(structure.Units);
            db.LineageEvents.AddRange(structure.LineageEvents);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await AddPeopleAsync(people, cancellationToken);

            // Cases go through the workflow, which saves each step; the steps join this transaction.
            var calendar = await workingCalendar.TableAsync(cancellationToken);
            citizens = await new DemoCitizens(db, caseWorkflow, receptionRecords, calendar, structure, people, random).AddAsync(cancellationToken);
            var delegates = DemoAccountability.PlanDelegation(new Random(Seed + 1));
            db.People.AddRange(delegates);
            accountability = new DemoAccountability(db, structure, people, delegates, random).Add();
            foreach (var account in Accounts)
            {
                var user = await db.Users.SingleAsync(u => u.UserName == account.UserName, cancellationToken);
                (user.Email, user.NormalizedEmail) = (account.Email, account.Email.ToUpperInvariant());
                if (account.PersonCode is not null)
                {
                    user.PersonId = delegates.Single(p => p.Code == account.PersonCode).Id;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            publicServices = await new DemoPublicServices(db, facts, structure, people, random).AddAsync(cancellationToken);

            // Last, so that the draws it takes from the demo's random leave every earlier one as it was.
            scores = await DemoScores.AddAsync(db, catalog, reference, structure.Province, random, cancellationToken);

            // The delegation's documents are written from all of the above, by the demo's accounts in turn.
            var actor = caller.Name;
            try
            {
                claims = await new DemoDocuments(db, caller, documents).AddAsync(DemoBodies.DistrictPartyCommitteeCode, cancellationToken);
            }
            finally
            {
                caller.SetSystem(actor);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        var positions = people.SelectMany(p => p.Positions).ToList();
        return new(DemoOutcome.Loaded, imported, new DemoCounts(
            structure.Units.Count,
            structure.Units.Count(u => u.Versions[0].Kind == UnitKind.PartyBranch),
            people.Count,
            positions.Count,
            positions.Count(p => p.IsLeadership),
            structure.LineageEvents.Count,
            Accounts.Count,
            citizens,
            accountability,
            publicServices,
            claims,
            scores), null);
    }

    /// <summary>The demo accounts as lines of a table, to print.</summary>
    public static IEnumerable<string> DescribeAccounts()
    {
        yield return $"  {"user",-16} {"password",-20} {"role",-14} sees";
        foreach (var account in Accounts)
        {
            yield return $"  {account.UserName,-16} {account.Password,-20} {account.Role,-14} {account.Scope}";
        }
    }

    /// <summary>
    /// Inserts people in batches with automatic change detection off (the save detects changes once); each
    /// save still appends its audit entries. The tracker is emptied between batches so that each save only
    /// looks at its own batch.
    /// </summary>
    private async Task AddPeopleAsync(IReadOnlyList<Person> people, CancellationToken cancellationToken)
    {
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in people.Chunk(PeopleBatchSize))
            {
                db.People.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }

    private static DemoLoadResult Failed(string message) => new(DemoOutcome.Failed, null, null, new DemoError(message));
}
