using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Organisation;
using Oversight.PublicServices;
using Oversight.Text;

namespace Oversight.Benchmarks;

/// <summary>
/// A province's year of dossiers as the public-service portal exports them (the columns of <c>import dossiers</c>), in
/// order of receipt: working days busier than weekends; procedures of the province (about 8%), of the districts (about
/// 22%, until they ended on 1 July 2025, when their procedures passed to the communes) and of the communes, received by
/// the province itself, its districts and its communes standing that day (busier ones more); about 60% online, more for
/// procedures offered fully online; due a few working days later; most completed on time, one in ten late, one in a
/// hundred still open, some completed only after the year; e-results, digitisation, online payment and ratings (1–5, a
/// third of those completed) in plausible shares.
/// </summary>
/// <remarks>
/// Benchmark data: the procedures' codes have the national database's form but are illustrative. The same seed gives
/// the same file.
/// </remarks>
internal sealed class DossierGenerator
{
    public const string Header =
        "dossier_code,procedure_code,procedure_name,field,level,unit,channel,online_service,received_on,due_on,completed_on,result,e_result,digitised,paid_online,satisfaction";

    private sealed record Procedure(string Code, string Name, string Field, ServiceLevel Level, OnlineService Online, int WorkingDays, double Weight)
    {
        /// <summary>The name as a CSV field: in quotes when it holds a comma.</summary>
        public string NameField { get; } = Name.Contains(',', StringComparison.Ordinal) ? $"\"{Name}\"" : Name;
    }

    private static readonly Procedure[] Procedures =
    [
        new("1.001833", "Cấp Phiếu lý lịch tư pháp", "Lý lịch tư pháp", ServiceLevel.Province, OnlineService.Full, 10, 2.5),
        new("1.002804", "Cấp đổi giấy phép lái xe", "Đường bộ", ServiceLevel.Province, OnlineService.Full, 5, 3),
        new("2.001955", "Đăng ký thành lập doanh nghiệp", "Thành lập và hoạt động doanh nghiệp", ServiceLevel.Province, OnlineService.Full, 3, 1.5),
        new("1.000105", "Cấp giấy phép lao động cho người nước ngoài", "Việc làm", ServiceLevel.Province, OnlineService.Partial, 5, 1),
        new("1.004227", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng", ServiceLevel.District, OnlineService.Full, 15, 4),
        new("2.000720", "Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", ServiceLevel.District, OnlineService.Full, 3, 6),
        new("1.003003", "Đăng ký đất đai, cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai", ServiceLevel.District, OnlineService.Partial, 20, 7),
        new("2.001023", "Cấp giấy phép bán lẻ rượu", "Lưu thông hàng hóa trong nước", ServiceLevel.District, OnlineService.Full, 10, 1),
        new("1.001199", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản", "Chứng thực", ServiceLevel.District, OnlineService.None, 2, 4),
        new("1.001612", "Đăng ký khai sinh", "Hộ tịch", ServiceLevel.Commune, OnlineService.Full, 1, 14),
        new("1.000894", "Đăng ký khai tử", "Hộ tịch", ServiceLevel.Commune, OnlineService.Full, 1, 4),
        new("1.000656", "Đăng ký kết hôn", "Hộ tịch", ServiceLevel.Commune, OnlineService.Partial, 3, 5),
        new("1.004873", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", ServiceLevel.Commune, OnlineService.Full, 1, 7),
        new("1.003596", "Xác nhận tình trạng hôn nhân", "Hộ tịch", ServiceLevel.Commune, OnlineService.Full, 3, 6),
        new("2.000908", "Chứng thực bản sao từ bản chính", "Chứng thực", ServiceLevel.Commune, OnlineService.Partial, 1, 22),
        new("2.000884", "Chứng thực chữ ký trong giấy tờ, văn bản", "Chứng thực", ServiceLevel.Commune, OnlineService.None, 1, 6),
        new("2.000286", "Trợ cấp xã hội hằng tháng", "Bảo trợ xã hội", ServiceLevel.Commune, OnlineService.Partial, 15, 2),
        new("1.010940", "Xác nhận thông tin hộ tịch", "Hộ tịch", ServiceLevel.Commune, OnlineService.Full, 3, 4),
    ];

    private static readonly double[] Weights = Procedures.Select(p => p.Weight).ToArray();

    private static readonly double TotalWeight = Weights.Sum();

    /// <summary>What a file holds: its rows; received online; by level; as they stood at the year's end, open and overdue; rated.</summary>
    public sealed record Summary(int Rows, int Online, int Province, int District, int Commune, int OpenAtEnd, int OverdueAtEnd, int Rated, TimeSpan Elapsed)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Rows:N0} dossiers, {Share(Online)} online; province {Share(Province)}, district {Share(District)}, commune {Share(Commune)}; at the year's end {OpenAtEnd:N0} open, {OverdueAtEnd:N0} of them overdue; {Rated:N0} rated; written in {Elapsed.TotalSeconds:F1} s");

        private string Share(int part) => string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / Math.Max(1, Rows):F1}%");
    }

    private readonly UnitGraph graph;
    private readonly Guid province;
    private readonly CaseGenerator.CommunesByMonth communes;
    private readonly CaseGenerator.CommunesByMonth? districts;
    private readonly DateOnly first;
    private readonly DateOnly last;
    private readonly DateOnly today;

    private DossierGenerator(UnitGraph graph, string provinceCode, int year, DateOnly today)
    {
        this.graph = graph;
        this.today = today;
        first = new DateOnly(year, 1, 1);
        last = new DateOnly(year, 12, 31);
        province = (graph.Find(provinceCode, last) ?? throw new InvalidOperationException($"no unit carries {provinceCode} on {last}")).Id;
        communes = new CaseGenerator.CommunesByMonth(graph, first, last, provinceCode);
        if (first < DossierImport.DistrictsEnded)
        {
            districts = new CaseGenerator.CommunesByMonth(graph, first, Min(last, DossierImport.DistrictsEnded.AddDays(-1)), provinceCode, kind => kind == UnitKind.District);
        }
    }

    /// <summary>The generator of the dossiers received in <paramref name="year"/> (past) by the units of <paramref name="provinceCode"/>.</summary>
    public static async Task<DossierGenerator> CreateAsync(IServiceProvider services, string provinceCode, int year, DateOnly today)
    {
        await using var scope = BenchDatabase.SystemScope(services);
        var graph = await scope.ServiceProvider.GetRequiredService<CallerScope>().GraphAsync();
        return new DossierGenerator(graph, provinceCode, year, today);
    }

    /// <summary>The year's first and last day.</summary>
    public (DateOnly From, DateOnly To) Year => (first, last);

    /// <summary>Writes <paramref name="count"/> dossiers as CSV, coded after <paramref name="prefix"/>, the header first.</summary>
    public Summary Write(string path, int count, string prefix, int seed = 20261205)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(seed);
        int online = 0, provinceLevel = 0, districtLevel = 0, communeLevel = 0, openAtEnd = 0, overdueAtEnd = 0, rated = 0;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine(Header);
        var line = new StringBuilder(256);
        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToArray();
        var cumulative = 0.0;
        var until = days.Select(day => cumulative += DayWeight(day)).ToArray();
        var written = 0;
        for (var d = 0; d < days.Length; d++)
        {
            var received = days[d];
            var upTo = (int)Math.Round(count * until[d] / cumulative);
            for (; written < upTo; written++)
            {
                var procedure = Procedures[Pick(Weights, random)];
                var level = procedure.Level == ServiceLevel.District && (districts is null || received >= DossierImport.DistrictsEnded) ? ServiceLevel.Commune : procedure.Level;
                var unit = level switch
                {
                    ServiceLevel.Province => province,
                    ServiceLevel.District => districts!.Pick(received, random),
                    _ => communes.Pick(received, random),
                };
                var unitCode = graph.At(unit, received)!.Code;
                var channel = Channel(procedure.Online, random);
                var due = AddWorkingDays(received, procedure.WorkingDays);
                var roll = random.NextDouble();
                DateOnly? completed = roll < 0.01 ? null
                    : roll < 0.90 ? received.AddDays(random.Next(due.DayNumber - received.DayNumber + 1))
                    : due.AddDays(random.Next(1, 31));
                if (completed >= today)
                {
                    completed = null;
                }

                var result = completed is null ? "" : random.NextDouble() switch { < 0.93 => "approved", < 0.98 => "rejected", _ => "withdrawn" };
                var electronic = result == "approved" && random.NextDouble() < procedure.Online switch { OnlineService.Full => 0.9, OnlineService.Partial => 0.6, _ => 0.2 };
                var digitised = random.NextDouble() < 0.72;
                var paidOnline = random.NextDouble() < (channel == DossierChannel.Online ? 0.5 : 0.05);
                int? satisfaction = completed is not null && random.NextDouble() < 0.3 ? random.NextDouble() switch { < 0.55 => 5, < 0.85 => 4, < 0.95 => 3, < 0.98 => 2, _ => 1 } : null;

                online += channel == DossierChannel.Online ? 1 : 0;
                provinceLevel += level == ServiceLevel.Province ? 1 : 0;
                districtLevel += level == ServiceLevel.District ? 1 : 0;
                communeLevel += level == ServiceLevel.Commune ? 1 : 0;
                if (completed is null || completed > last)
                {
                    openAtEnd++;
                    overdueAtEnd += due < last ? 1 : 0;
                }

                rated += satisfaction is null ? 0 : 1;
                line.Clear()
                    .Append(CultureInfo.InvariantCulture, $"000.00.{unitCode}.{prefix}-{received:yyMMdd}-{written:D8},{procedure.Code},{procedure.NameField},{procedure.Field},")
                    .Append(CultureInfo.InvariantCulture, $"{WireNames<ServiceLevel>.ToWire(level)},{unitCode},{WireNames<DossierChannel>.ToWire(channel)},{WireNames<OnlineService>.ToWire(procedure.Online)},")
                    .Append(CultureInfo.InvariantCulture, $"{IsoDate.Format(received)},{IsoDate.Format(due)},{(completed is { } c ? IsoDate.Format(c) : "")},{result},")
                    .Append(CultureInfo.InvariantCulture, $"{YesNo(electronic)},{YesNo(digitised)},{YesNo(paidOnline)},{satisfaction}");
                writer.WriteLine(line);
            }
        }

        return new Summary(written, online, provinceLevel, districtLevel, communeLevel, openAtEnd, overdueAtEnd, rated, clock.Elapsed);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>Online submissions come any day; counters are open on working days and Saturday mornings.</summary>
    private static double DayWeight(DateOnly day) => day.DayOfWeek switch { DayOfWeek.Sunday => 0.15, DayOfWeek.Saturday => 0.4, _ => 1.0 };

    private static DossierChannel Channel(OnlineService service, Random random)
    {
        var roll = random.NextDouble();
        var online = service switch { OnlineService.Full => 0.75, OnlineService.Partial => 0.55, _ => 0.0 };
        return roll < online ? DossierChannel.Online : roll < online + (1 - online) * 0.92 ? DossierChannel.InPerson : DossierChannel.Postal;
    }

    /// <summary>Monday to Friday (the benchmark ignores public holidays: a due day only has to be plausible).</summary>
    private static DateOnly AddWorkingDays(DateOnly day, int days)
    {
        while (days > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return day;
    }

    private static int Pick(double[] weights, Random random)
    {
        var roll = random.NextDouble() * TotalWeight;
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
