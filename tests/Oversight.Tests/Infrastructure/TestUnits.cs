using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Organisation;

namespace Oversight.Tests.Infrastructure;

/// <summary>
/// A small fragment of the real structure around Xã Tốt Động, enough for tests that must not depend on the
/// reference import: Hà Nội › Huyện Chương Mỹ › four communes until 30 Jun 2025; from 1 Jul 2025 Xã Quảng Bị
/// (code 10072, formerly Xã Hợp Đồng's) formed from Tốt Động, Hợp Đồng and part of Lam Điền, the rest of Lam
/// Điền going to Xã Bình Minh; Xã Phụng Châu to Phường Chương Mỹ.
/// </summary>
public static class TestUnits
{
    public static readonly DateOnly Reorganisation = new(2025, 7, 1);
    public static readonly DateOnly LastDayOfDistricts = new(2025, 6, 30);

    public static async Task AddChuongMyFragmentAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope("test-setup");
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var hanoi = Add(db, "01", "Thành phố Hà Nội", UnitKind.Province, null, null, null);
        var chuongMy = Add(db, "277", "Huyện Chương Mỹ", UnitKind.District, hanoi, null, LastDayOfDistricts);
        var totDong = Add(db, "10060", "Xã Tốt Động", UnitKind.Commune, chuongMy, null, LastDayOfDistricts);
        var hopDong = Add(db, "10072", "Xã Hợp Đồng", UnitKind.Commune, chuongMy, null, LastDayOfDistricts);
        var lamDien = Add(db, "10063", "Xã Lam Điền", UnitKind.Commune, chuongMy, null, LastDayOfDistricts);
        var phungChau = Add(db, "10021", "Xã Phụng Châu", UnitKind.Commune, chuongMy, null, LastDayOfDistricts);
        var quangBi = Add(db, "10072", "Xã Quảng Bị", UnitKind.Commune, hanoi, Reorganisation, null);
        var binhMinh = Add(db, "10126", "Xã Bình Minh", UnitKind.Commune, hanoi, Reorganisation, null);
        var chuongMyWard = Add(db, "10015", "Phường Chương Mỹ", UnitKind.Ward, hanoi, Reorganisation, null);
        Merge(db, quangBi, (totDong, false), (hopDong, false), (lamDien, true));
        Merge(db, binhMinh, (lamDien, true));
        Merge(db, chuongMyWard, (phungChau, false));
        await db.SaveChangesAsync();
    }

    public static Unit Add(OversightDbContext db, string code, string name, UnitKind kind, Unit? parent, DateOnly? from, DateOnly? to)
    {
        var unit = new Unit { Code = code, ValidFrom = from, ValidTo = to };
        unit.Versions.Add(new UnitVersion { Name = name, Kind = kind, ParentId = parent?.Id, ValidFrom = from, ValidTo = to });
        db.Units.Add(unit);
        return unit;
    }

    private static void Merge(OversightDbContext db, Unit successor, params (Unit Unit, bool Partial)[] predecessors)
    {
        var lineage = new LineageEvent { Kind = LineageKind.Merge, Date = Reorganisation, LegalBasis = "Nghị quyết 1656/NQ-UBTVQH15", Source = "test" };
        foreach (var (predecessor, partial) in predecessors)
        {
            lineage.Links.Add(new LineageLink { EventId = lineage.Id, PredecessorId = predecessor.Id, SuccessorId = successor.Id, Partial = partial });
        }

        db.LineageEvents.Add(lineage);
    }
}
