using Oversight.Documents;
using Oversight.Indicators;
using Oversight.Reports;
using Oversight.Text;

namespace Oversight.Demo;

/// <summary>
/// The figures the District Party Committee reported at the inspection of 19 July 2024, as its self-assessment states
/// them: the seed report's figures, each with the indicator that gives it from the records where there is one, in the
/// order of the report's sections. "18 out of 22 cases … achieving 81.1%" is among them as written (18/22 is 81.8%).
/// Issuing the self-assessment makes them the district's claims (BC-277-2024-01 to -33).
/// </summary>
internal static class DemoClaims
{
    private static readonly (DateOnly From, DateOnly To) Report = (new(2023, 8, 1), new(2024, 7, 19));
    private static readonly (DateOnly From, DateOnly To) Dissemination = (new(2023, 8, 1), new(2023, 9, 30));
    private static readonly (DateOnly From, DateOnly To) Reception = (new(2023, 8, 1), new(2024, 5, 31));
    private static readonly (DateOnly From, DateOnly To) Dialogues = (new(2023, 1, 1), new(2024, 6, 30));
    private static readonly (DateOnly From, DateOnly To) AppInstalled = (new(2023, 8, 1), DemoPublicServices.AppsInstalledBy);

    private static readonly (string? Indicator, (DateOnly From, DateOnly To) Period, string Description, string Written, ClaimComparison Comparison, long? Numerator, long? Denominator)[] Figures =
    [
        ("DIS.ONLINE-EVENTS", Dissemination, "Tổ chức hội nghị trực tuyến quán triệt Chỉ thị 24-CT/TU đến 32 xã, thị trấn", "1", ClaimComparison.Exact, null, null),
        ("DIS.PARTICIPATION", Dissemination, "Tỷ lệ tham dự hội nghị trực tuyến đạt 99,2%", "99,2%", ClaimComparison.Exact, null, null),
        ("DIS.UNITS-COMPLETED", Dissemination, "Đến hết tháng 9/2023, 100% cấp ủy, tổ chức đảng trực thuộc Huyện ủy hoàn thành học tập, quán triệt", "100%", ClaimComparison.Exact, null, null),
        ("DIS.MEMBERS-REACHED", Dissemination, "Quán triệt đến hơn 11.300 cán bộ, đảng viên", "11.300", ClaimComparison.MoreThan, null, null),
        ("INS.TEAMS", Report, "Ban Thường vụ Huyện ủy thành lập 2 đoàn kiểm tra, giám sát", "2", ClaimComparison.Exact, null, null),
        ("INS.UNITS-INSPECTED", Report, "Kiểm tra đột xuất 10 đơn vị", "10", ClaimComparison.Exact, null, null),
        ("INS.ORGANISATIONS-SUPERVISED", Report, "Giám sát 1 tổ chức đảng", "1", ClaimComparison.Exact, null, null),
        ("INS.MEMBERS-SUPERVISED", Report, "Giám sát 2 đảng viên", "2", ClaimComparison.Exact, null, null),
        ("DSC.STANDING-ORGANISATIONS", Report, "Ban Thường vụ Huyện ủy thi hành kỷ luật 3 tổ chức đảng", "3", ClaimComparison.Exact, null, null),
        ("DSC.STANDING-MEMBERS", Report, "Ban Thường vụ Huyện ủy thi hành kỷ luật 4 đảng viên", "4", ClaimComparison.Exact, null, null),
        ("DSC.INSPECTION-COMMITTEE-MEMBERS", Report, "Ủy ban Kiểm tra Huyện ủy thi hành kỷ luật 29 đảng viên", "29", ClaimComparison.Exact, null, null),
        ("DSC.ORGANISATIONS-WITH-MANIFESTATIONS", Report, "3 tổ chức đảng có vi phạm thuộc biểu hiện tại Phụ lục Chỉ thị 24-CT/TU và Chỉ thị 39-CT/HU", "3", ClaimComparison.Exact, null, null),
        ("DSC.MEMBERS-WITH-MANIFESTATIONS", Report, "22/23 đảng viên bị kỷ luật có vi phạm thuộc biểu hiện tại Phụ lục Chỉ thị 24-CT/TU và Chỉ thị 39-CT/HU", "22", ClaimComparison.Exact, null, null),
        ("DSC.MEMBERS-DISCIPLINED", Report, "Tổng số đảng viên bị kỷ luật: 23 đồng chí (22/23 có vi phạm thuộc biểu hiện tại Phụ lục)", "23", ClaimComparison.Exact, null, null),
        ("PER.LEADING", Report, "Luân chuyển, điều động 51 cán bộ lãnh đạo, quản lý", "51", ClaimComparison.Exact, null, null),
        ("PER.UNDER-DIRECTIVE", Report, "Trong đó 21 trường hợp thực hiện theo Chỉ thị 24-CT/TU", "21", ClaimComparison.Exact, null, null),
        ("PER.LAND-CONSTRUCTION", Report, "UBND huyện điều động 5 công chức địa chính – xây dựng cấp xã", "5", ClaimComparison.Exact, null, null),
        ("PER.VICE-CHAIRMEN", Report, "UBND huyện điều động 16 Phó Chủ tịch UBND cấp xã", "16", ClaimComparison.Exact, null, null),
        ("PER.SCHOOL-MANAGERS", Report, "UBND huyện điều động 21 cán bộ quản lý trường học", "21", ClaimComparison.Exact, null, null),
        ("PUB.ONLINE-DISTRICT", Report, "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến cấp huyện đạt 63,3%", "63,3%", ClaimComparison.Exact, null, null),
        ("PUB.ONLINE-COMMUNE", Report, "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến cấp xã đạt 49,58%", "49,58%", ClaimComparison.Exact, null, null),
        ("PUB.STAFF-APP", AppInstalled, "Đến ngày 11/7/2024, 100% cán bộ, công chức, viên chức của huyện đã cài đặt ứng dụng iHanoi", "100%", ClaimComparison.Exact, null, null),
        ("CIT.DIALOGUES", Dialogues, "Năm 2023 và 6 tháng đầu năm 2024 tổ chức 45 buổi đối thoại", "45", ClaimComparison.Exact, null, null),
        ("CIT.DIALOGUES-DISTRICT", Dialogues, "Đối thoại cấp huyện 5 buổi", "5", ClaimComparison.Exact, null, null),
        ("CIT.DIALOGUES-COMMUNE", Dialogues, "Đối thoại cấp xã 40 buổi", "40", ClaimComparison.Exact, null, null),
        ("CIT.SECRETARY-DAYS", Reception, "Bí thư Huyện ủy tiếp công dân định kỳ 10 buổi", "10", ClaimComparison.Exact, null, null),
        ("CIT.SECRETARY-VISITS", Reception, "Bí thư Huyện ủy tiếp 30 lượt công dân", "30", ClaimComparison.Exact, null, null),
        ("CIT.SECRETARY-PEOPLE", Reception, "Bí thư Huyện ủy tiếp 33 người", "33", ClaimComparison.Exact, null, null),
        ("CIT.SECRETARY-CASES", Reception, "Công dân trình bày 34 vụ việc với Bí thư Huyện ủy", "34", ClaimComparison.Exact, null, null),
        ("CIT.SECRETARY-RESOLVED", Reception, "Giải quyết 18/22 vụ việc thuộc thẩm quyền, đạt 81,1%", "81,1%", ClaimComparison.Exact, 18, 22),
        ("CIT.LEADERS-PEOPLE", Reception, "Lãnh đạo huyện tiếp 508 công dân", "508", ClaimComparison.Exact, null, null),
        ("CIT.LEADERS-RESOLVED", Reception, "Giải quyết 108/144 vụ việc thuộc thẩm quyền, đạt 75%", "75%", ClaimComparison.Exact, 108, 144),
        ("CIT.LEADERS-UNDER-CONSIDERATION", Reception, "36 vụ việc đang xem xét, giải quyết", "36", ClaimComparison.Exact, null, null),
    ];

    /// <summary>The figures as the self-assessment's form takes them, each in the section that offers its indicator.</summary>
    public static IReadOnlyList<StatedFigureFields> Stated(ReportTemplate template) => Figures.Select(f => new StatedFigureFields(
        template.Sections.First(s => s.Figures.Contains(f.Indicator!)).Key,
        f.Indicator,
        IsoDate.Format(f.Period.From),
        IsoDate.Format(f.Period.To),
        f.Description + ".",
        f.Written,
        WireNames<ClaimComparison>.ToWire(f.Comparison),
        f.Numerator,
        f.Denominator)).ToList();
}
