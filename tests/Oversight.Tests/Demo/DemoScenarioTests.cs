using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Audit;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Tests.Hosting;
using Oversight.Tests.Infrastructure;
using Oversight.Web.Hosting;

namespace Oversight.Tests.Demo;

/// <summary>The demo scenario, loaded once per provider for the whole class (see <see cref="LoadedDemo"/>).</summary>
public sealed class DemoScenarioTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Chuong_My_has_its_32_units_with_their_bodies_leaders_and_exactly_11318_Party_members(DatabaseProvider provider)
    {
        var (database, load) = await demo.GetAsync(provider);
        await using var scope = database.SystemScope();
        var units = scope.ServiceProvider.GetRequiredService<UnitDirectory>();
        var posts = scope.ServiceProvider.GetRequiredService<PersonDirectory>();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var graph = await units.GraphAsync(Cancel);

        var communes = (await units.ChildrenAsync("277", InspectionDay, Cancel))!.Where(c => c.Kind.IsAdministrative()).ToList();
        Assert.Equal(32, communes.Count);
        foreach (var commune in communes)
        {
            var bodies = graph.Children(commune.Id, InspectionDay);
            var partyCommittee = Assert.Single(bodies, b => b.Kind == UnitKind.PartyCommittee);
            Assert.Single(bodies, b => b.Kind == UnitKind.PeoplesCommittee);
            Assert.Contains(graph.Children(partyCommittee.Id, InspectionDay), b => b.Kind == UnitKind.PartyBranch);
            Assert.Contains(await posts.PostsInUnitAsync(partyCommittee.Id, InspectionDay, Cancel), p => p.Title == "Bí thư Đảng ủy" && p.IsLeadership);
        }

        var districtCommittee = graph.Find("277-HU", InspectionDay)!;
        Assert.Equal("Huyện ủy Chương Mỹ", districtCommittee.Name);
        Assert.Contains(await posts.PostsInUnitAsync(districtCommittee.Id, InspectionDay, Cancel), p => p.Title == "Bí thư Huyện ủy");
        var quangBiToday = graph.Find("10072-DU", units.Today)!;
        Assert.Equal("Đảng ủy xã Quảng Bị", quangBiToday.Name);
        Assert.Contains(await posts.PostsInUnitAsync(quangBiToday.Id, units.Today, Cancel), p => p.Title == "Bí thư Đảng ủy");

        Assert.Equal(11_318, load.Counts!.PartyMembers);
        Assert.Equal(11_318, await db.People.CountAsync(p => p.Memberships.Any(), Cancel));
        Assert.Contains(await db.Positions.Where(p => p.SensitiveField == SensitiveField.Land && p.From < InspectionDay.AddYears(-5)).ToListAsync(Cancel),
            p => p.To is null || p.To >= InspectionDay);
    }

    /// <summary>Xã Quảng Bị (since 1 Jul 2025) was formed from Tốt Động, Hợp Đồng, Hoàng Diệu, Quảng Bị and part of Lam Điền; Phụng Châu went to Phường Chương Mỹ.</summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_Quang_Bi_officer_sees_the_Party_committee_of_Tot_Dong_but_not_that_of_Phung_Chau(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        Guid? scopeUnitId;
        await using (var system = database.SystemScope())
        {
            scopeUnitId = (await system.ServiceProvider.GetRequiredService<UserManager<OversightUser>>().FindByNameAsync("officer.quangbi"))!.ScopeUnitId;
        }

        await using var scope = database.UserScope("officer.quangbi", Roles.Officer, scopeUnitId);
        var units = scope.ServiceProvider.GetRequiredService<UnitDirectory>();

        Assert.Equal("Đảng ủy xã Tốt Động", (await units.FindAsync("10060-DU", InspectionDay, Cancel))?.Name);
        Assert.NotEmpty((await units.ChildrenAsync("10060-DU", InspectionDay, Cancel))!);
        Assert.Equal("Đảng ủy xã Quảng Bị", (await units.FindAsync("10072-DU", null, Cancel))?.Name);
        Assert.Null(await units.FindAsync("10021-DU", InspectionDay, Cancel));
        Assert.Null(await units.FindAsync("277-HU", InspectionDay, Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Loading_again_changes_nothing_says_so_and_the_audit_chain_verifies(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        long entriesBefore;
        await using (var scope = database.SystemScope())
        {
            entriesBefore = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries.LongCountAsync(Cancel);
        }

        var cli = await AppProcess.RunAsync(AppProcess.Cli, [.. database.SettingsArgs, "demo", "load"]);
        var startup = new StringWriter();
        await DemoStartup.LoadIfEmptyAsync(database.Services, startup);

        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Contains("already present", cli.Output);
        Assert.Contains("officer.quangbi  QuangBi-Demo-2025", cli.Output);
        Assert.Contains("already loaded", startup.ToString());
        Assert.Contains("leader           Leader-Demo-2024", startup.ToString());
        await using (var scope = database.SystemScope())
        {
            Assert.Equal(entriesBefore, await scope.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries.LongCountAsync(Cancel));
            await database.SealAuditAsync();
            var verification = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Cancel);
            Assert.True(verification.IsIntact, verification.Problem);
            Assert.Equal(entriesBefore, verification.EntriesChecked);
        }
    }

    /// <summary>Two loads, into a SQLite file and a PostgreSQL database, give the same people, in NFC, in the same order.</summary>
    [Fact]
    public async Task Two_loads_give_the_same_people_in_the_same_order()
    {
        var sqlite = await PeopleAsync(DatabaseProvider.Sqlite);
        var postgres = await PeopleAsync(DatabaseProvider.PostgreSQL);

        Assert.Equal(11_318, sqlite.Count);
        Assert.Equal(sqlite, postgres);
        Assert.All(sqlite, p => Assert.True(p.IsNormalized(NormalizationForm.FormC), p));
        Assert.StartsWith("DV-000001 ", sqlite[0]);
    }

    private async Task<List<string>> PeopleAsync(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var scope = database.SystemScope();
        // The Party members of the district; the two members of the City's delegation belong to no branch the demo has.
        var people = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().People
            .Where(p => p.Memberships.Any())
            .Select(p => new { p.Code, p.FullName, p.BirthDate, Joined = p.Memberships.Min(m => m.Joined) })
            .ToListAsync(Cancel);
        return people.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => $"{p.Code} {p.FullName} {p.BirthDate:yyyy-MM-dd} {p.Joined:yyyy-MM-dd}").ToList();
    }
}
