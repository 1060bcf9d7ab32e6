using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Web;

/// <summary>
/// The Chương Mỹ fragment of <see cref="TestUnits"/> with what the pages show besides: Xã Tốt Động's Party
/// committee with one Party branch, its People's Committee, and Nguyễn Văn Đông, chairman of the commune and a
/// member of the branch. Accounts: an administrator and an officer of Xã Tốt Động.
/// </summary>
public sealed record WebScenario(Guid ChairmanId)
{
    public const string Administrator = "admin";
    public const string TotDongOfficer = "officer-totdong";
    public static readonly DateOnly InspectionDay = new(2024, 7, 19);

    public static async Task<WebScenario> CreateAsync(OversightWebFactory factory)
    {
        await TestUnits.AddChuongMyFragmentAsync(factory.Database);
        Guid chairmanId;
        await using (var scope = factory.Database.SystemScope("test-setup"))
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            var totDong = db.Units.Single(u => u.Code == "10060");
            var partyCommittee = TestUnits.Add(db, "10060-DU", "Đảng bộ xã Tốt Động", UnitKind.PartyCommittee, totDong, null, TestUnits.LastDayOfDistricts);
            var branch = TestUnits.Add(db, "10060-CB1", "Chi bộ thôn Đồng Tâm", UnitKind.PartyBranch, partyCommittee, null, TestUnits.LastDayOfDistricts);
            TestUnits.Add(db, "10060-UB", "Ủy ban nhân dân xã Tốt Động", UnitKind.PeoplesCommittee, totDong, null, TestUnits.LastDayOfDistricts);
            var chairman = new Person { Code = "P-0001", FullName = "Nguyễn Văn Đông", Gender = Gender.Male, BirthDate = new DateOnly(1972, 3, 8) };
            chairman.Positions.Add(new PositionHeld { PersonId = chairman.Id, UnitId = totDong.Id, Title = "Chủ tịch Ủy ban nhân dân xã", IsLeadership = true, SensitiveField = SensitiveField.Land, From = new DateOnly(2021, 6, 1), To = TestUnits.LastDayOfDistricts });
            chairman.Memberships.Add(new PartyMembership { PersonId = chairman.Id, BranchId = branch.Id, Joined = new DateOnly(1998, 5, 19), OfficialFrom = new DateOnly(1999, 5, 19), From = new DateOnly(2010, 1, 1) });
            db.People.Add(chairman);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            chairmanId = chairman.Id;
        }

        await factory.AddUserAsync(Administrator, "administrator");
        await factory.AddUserAsync(TotDongOfficer, "officer", "10060", InspectionDay);
        return new WebScenario(chairmanId);
    }
}
