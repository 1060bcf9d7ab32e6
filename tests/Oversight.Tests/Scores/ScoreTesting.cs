using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Scores;

/// <summary>A small index of Hà Nội's districts, four districts and a commune to score with it.</summary>
internal static class ScoreTesting
{
    public const string DefinitionHeader = "index,year,component,name_vi,name_en,max_score,owner,unit_kinds,source,illustrative,indicators";

    /// <summary>T-PAR for 2022 and 2023: two areas of 10, the first with two criteria (4 and 6), the second tied to the online rate.</summary>
    public static readonly string Definition = DefinitionHeader + "\n" + string.Concat(new[] { 2022, 2023 }.Select(year =>
        $"T-PAR,{year},,Chỉ số cải cách hành chính thử,Test reform index,20,UBND Thành phố Hà Nội,district,Minh họa,yes,\n"
        + $"T-PAR,{year},1,Chỉ đạo điều hành,Direction,10,,,,,\n"
        + $"T-PAR,{year},1.1,Kế hoạch,Plan,4,,,,,\n"
        + $"T-PAR,{year},1.2,Kiểm tra,Inspection,6,,,,,FUP.TASKS-OVERDUE\n"
        + $"T-PAR,{year},2,Chính quyền số,Digital government,10,,,,,PUB.ONLINE;CIT.OVERDUE\n"));

    public const string ScoreHeader = "index,year,unit,component,score";

    /// <summary>
    /// 2023 by criterion (totals 277: 6, 278: 19, 279: 15, 280: 15, so 279 and 280 share rank 2 and 277 is 4th); 2022 by
    /// total only (277: 11, 278: 18, 279: 12, 280: 10, 277 3rd).
    /// </summary>
    public const string Scores =
        ScoreHeader + "\n"
        + "T-PAR,2023,277,1.1,1\nT-PAR,2023,277,1.2,2\nT-PAR,2023,277,2,3\n"
        + "T-PAR,2023,278,1.1,4\nT-PAR,2023,278,1.2,6\nT-PAR,2023,278,2,9\n"
        + "T-PAR,2023,279,1.1,3\nT-PAR,2023,279,1.2,5\nT-PAR,2023,279,2,7\n"
        + "T-PAR,2023,280,1.1,2\nT-PAR,2023,280,1.2,6\nT-PAR,2023,280,2,7\n"
        + "T-PAR,2022,277,,11\nT-PAR,2022,278,,18\nT-PAR,2022,279,,12\nT-PAR,2022,280,,10\n";

    /// <summary>Hà Nội with four districts (until the districts ended) and Xã Tốt Động under Chương Mỹ; Hà Giang with one district.</summary>
    public static async Task AddDistrictsAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope("test-setup");
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var hanoi = TestUnits.Add(db, "01", "Thành phố Hà Nội", UnitKind.Province, null, null, null);
        var chuongMy = TestUnits.Add(db, "277", "Huyện Chương Mỹ", UnitKind.District, hanoi, null, TestUnits.LastDayOfDistricts);
        TestUnits.Add(db, "278", "Huyện Thanh Oai", UnitKind.District, hanoi, null, TestUnits.LastDayOfDistricts);
        TestUnits.Add(db, "279", "Huyện Thường Tín", UnitKind.District, hanoi, null, TestUnits.LastDayOfDistricts);
        TestUnits.Add(db, "280", "Huyện Phú Xuyên", UnitKind.District, hanoi, null, TestUnits.LastDayOfDistricts);
        TestUnits.Add(db, "10060", "Xã Tốt Động", UnitKind.Commune, chuongMy, null, TestUnits.LastDayOfDistricts);
        var haGiang = TestUnits.Add(db, "02", "Tỉnh Hà Giang", UnitKind.Province, null, null, null);
        TestUnits.Add(db, "024", "Thành phố Hà Giang", UnitKind.District, haGiang, null, TestUnits.LastDayOfDistricts);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
