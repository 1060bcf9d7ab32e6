using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Petitions;

public sealed class ReceptionFrequencyTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Regulation 11-QĐi/TW asks a district Party secretary for 2 days a month; two sessions on one day are one day.</summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_district_secretary_receiving_once_a_month_is_short_in_that_month_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var district = await UnitIdAsync(database, "277", new(2023, 8, 1));
        await AddAsync(database,
            Session(district, new(2023, 8, 15), HostRole.PartySecretary, "Nguyễn Văn Bí", 3, 3),
            Session(district, new(2023, 9, 14), HostRole.PartySecretary, "Nguyễn Văn Bí", 2, 2),
            Session(district, new(2023, 9, 14), HostRole.PartySecretary, "Nguyễn Văn Bí", 1, 1),
            Session(district, new(2023, 9, 28), HostRole.PartySecretary, "Nguyễn Văn Bí", 1, 1),
            Session(district, new(2023, 8, 10), HostRole.OtherLeader, "Trần Văn Phó", 5, 5));

        var shortfalls = await ShortfallsAsync(database, "277", new(2023, 8, 1), new(2023, 9, 30));

        var secretary = Assert.Single(shortfalls!);
        Assert.Equal(("Nguyễn Văn Bí", HostRole.PartySecretary, "277"), (secretary.HostName, secretary.Role, secretary.Unit.Code));
        var august = Assert.Single(secretary.Periods);
        Assert.Equal((new DateOnly(2023, 8, 1), new DateOnly(2023, 8, 31), 2, 1), (august.From, august.To, august.Required, august.Held));
        Assert.Equal("reception.party-secretary.district", august.Rule.Key);
        Assert.Equal("Quy định 11-QĐi/TW 2019, Điều 4", august.Rule.Value.Citation);
    }

    /// <summary>
    /// A commune chairman must receive 1 day a week until 30 Jun 2026 and 2 days a month from 1 Jul 2026 (Law
    /// 136/2025/QH15); a session of the commune's People's Committee counts at commune level.
    /// </summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_commune_chairman_is_held_to_weeks_before_July_2026_and_to_months_after(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        Guid committee;
        await using (var scope = database.SystemScope("test-setup"))
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            var quangBi = await db.Units.SingleAsync(u => u.Code == "10072" && u.ValidFrom == TestUnits.Reorganisation, Cancel);
            committee = TestUnits.Add(db, "10072-UBND", "Ủy ban nhân dân xã Quảng Bị", UnitKind.PeoplesCommittee, quangBi, TestUnits.Reorganisation, null).Id;
            await db.SaveChangesAsync(Cancel);
        }

        var mondays = new DateOnly[] { new(2026, 6, 1), new(2026, 6, 8), new(2026, 6, 22), new(2026, 6, 29), new(2026, 7, 6) };
        await AddAsync(database, [.. mondays.Select(day => Session(committee, day, HostRole.CommitteeChairman, "Lê Thị Chủ", 4, 4))]);

        var chairman = Assert.Single((await ShortfallsAsync(database, "10072", new(2026, 6, 1), new(2026, 7, 31)))!);

        Assert.Equal(("10072", HostRole.CommitteeChairman), (chairman.Unit.Code, chairman.Role));
        Assert.Equal(
            [
                (new DateOnly(2026, 6, 15), new DateOnly(2026, 6, 21), 1, 0, "reception-2014"),
                (new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31), 2, 1, "reception-2026-07"),
            ],
            chairman.Periods.Select(p => (p.From, p.To, p.Required, p.Held, p.Rule.PackId)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Nobody_short_is_an_empty_list_and_an_unknown_unit_is_not_found(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var totDong = await UnitIdAsync(database, "10060", new(2024, 1, 1));
        await AddAsync(database, [.. Enumerable.Range(0, 5).Select(i => Session(totDong, new DateOnly(2024, 1, 1).AddDays(7 * i), HostRole.CommitteeChairman, "Phạm Văn Đủ", 2, 2))]);

        Assert.Empty((await ShortfallsAsync(database, "277", new(2024, 1, 1), new(2024, 1, 31)))!);
        Assert.Null(await ShortfallsAsync(database, "99999", new(2024, 1, 1), new(2024, 1, 31)));
    }

    private static async Task<IReadOnlyList<ReceptionShortfall>?> ShortfallsAsync(TestDatabase database, string unit, DateOnly from, DateOnly to)
    {
        await using var scope = database.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<ReceptionFrequency>().ShortfallsAsync(unit, from, to, Cancel);
    }
}
