using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Calendar;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Rules;
using Oversight.Text;

namespace Oversight.Benchmarks;

/// <summary>
/// Writes many plausible cases straight into the database through the bulk path (SQLite prepared inserts,
/// PostgreSQL COPY) in one transaction: spread over the communes standing on each day of the last three years (of
/// the whole country, or of one province), busier communes getting more, a mix of kinds and channels, statuses by
/// age, deadlines from the rule packs and the working-day calendar, some overdue, some repeats, some assigned to the
/// demo's officers.
/// </summary>
/// <remarks>
/// Benchmark data only: the rows bypass <see cref="CaseWorkflow"/> and the audit trail, and carry no timeline
/// steps. Denouncers' identities are encrypted as the workflow would store them. The same seed gives the same cases.
/// </remarks>
internal static class CaseGenerator
{
    private const int BatchSize = 50_000;

    private static readonly string[] Subjects =
    [
        "Tranh chấp đất đai với hộ liền kề", "Bồi thường, hỗ trợ giải phóng mặt bằng", "Cấp giấy chứng nhận quyền sử dụng đất",
        "Ô nhiễm môi trường từ cơ sở chăn nuôi", "Xây dựng trái phép trên đất nông nghiệp", "Chế độ chính sách người có công",
        "Trợ cấp bảo trợ xã hội chậm chi trả", "Thu hồi đất làm đường giao thông", "Lấn chiếm hành lang giao thông",
        "Tiếng ồn từ xưởng sản xuất ban đêm", "Cán bộ xã gây phiền hà khi làm thủ tục", "Đề nghị sửa chữa đường liên thôn",
        "Ngập úng khu dân cư sau mưa lớn", "Khiếu nại quyết định xử phạt vi phạm hành chính", "Tố cáo sai phạm trong quản lý quỹ thôn",
        "Phân chia đất dịch vụ cho hộ gia đình", "Đề nghị cấp nước sạch cho khu dân cư", "Khai thác cát trái phép trên sông",
        "Khiếu nại việc xác định nguồn gốc đất", "Thủ tục chuyển mục đích sử dụng đất", "Chậm giải quyết hồ sơ cấp phép xây dựng",
        "Đề nghị hỗ trợ hộ nghèo sửa nhà", "Tố cáo việc thu tiền trái quy định ở trường học", "Tranh chấp lối đi chung",
    ];

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];

    private static readonly string[] MiddleNames = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thu", "Hữu", "Ngọc", "Thanh", "Xuân"];

    private static readonly string[] GivenNames =
    [
        "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiền", "Hòa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long",
        "Mai", "Nam", "Nga", "Phong", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Trang", "Tuấn", "Vân", "Yến",
    ];

    /// <summary>Accounts the generated cases under consideration are assigned to.</summary>
    public static readonly string[] Assignees = ["officer", "leader", "officer.quangbi", "inspector"];

    public sealed record Summary(int Cases, int Communes, int Open, int Overdue, int Assigned, TimeSpan Elapsed);

    /// <summary>
    /// Writes <paramref name="count"/> cases received in the three years to <paramref name="today"/>, in the communes
    /// under the unit carrying <paramref name="within"/> (all of Vietnam when null).
    /// </summary>
    public static async Task<Summary> GenerateAsync(IServiceProvider services, int count, DateOnly today, string? within = null, int seed = 20261125, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = BenchDatabase.SystemScope(services);
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<OversightDbContext>();
        var graph = await provider.GetRequiredService<CallerScope>().GraphAsync(cancellationToken);
        var rules = await provider.GetRequiredService<RuleBook>().GetAsync(db, cancellationToken);
        var calendar = await provider.GetRequiredService<WorkingCalendar>().TableAsync(cancellationToken);
        var identity = provider.GetRequiredService<DenouncerIdentity>();
        var assignees = await db.Users.AsNoTracking().Where(u => Assignees.Contains(u.UserName!)).Select(u => u.Id).ToArrayAsync(cancellationToken);
        var random = new Random(seed);
        var first = today.AddYears(-3).AddDays(1);
        var communes = new CommunesByMonth(graph, first, today, within);
        var caseIds = new List<Guid>(count);
        int open = 0, overdue = 0, assigned = 0;

        // The first encryption may create the Data Protection key, which is saved on a connection of its own: before the transaction.
        identity.Protect(new PetitionerDetails("-", null, null));
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        var batch = new List<CitizenCase>(BatchSize);
        for (var i = 0; i < count; i++)
        {
            var received = first.AddDays(random.Next(today.DayNumber - first.DayNumber + 1));
            var citizenCase = NewCase(i, received, communes.Pick(received, random), random, today, rules, calendar, identity);
            if (caseIds.Count > 0 && random.NextDouble() < 0.01)
            {
                citizenCase.RepeatOfCaseId = caseIds[random.Next(caseIds.Count)];
            }

            if (citizenCase.Status == CaseStatus.UnderConsideration && assignees.Length > 0)
            {
                citizenCase.AssigneeUserId = assignees[random.Next(assignees.Length)];
                assigned++;
            }

            citizenCase.UpdateDerived();
            open += citizenCase.IsOpen ? 1 : 0;
            overdue += citizenCase.CurrentDueOn < today ? 1 : 0;
            caseIds.Add(citizenCase.Id);
            batch.Add(citizenCase);
            if (batch.Count == BatchSize || i == count - 1)
            {
                await BulkInsert.RowsAsync(db, batch, cancellationToken);
                batch.Clear();
            }
        }

        await transaction.CommitAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        return new Summary(count, communes.Count, open, overdue, assigned, clock.Elapsed);
    }

    /// <summary>
    /// On SQLite, indexes the search text of the cases written since the last catch-up (trigrams), as the web host
    /// would in the background: a benchmark times its requests with the index caught up, not while it is built.
    /// </summary>
    public static async Task IndexSearchTextAsync(IServiceProvider services, BenchDatabase database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        await using var scope = BenchDatabase.SystemScope(services);
        var indexed = await CaseSearchIndex.CatchUpAsync(scope.ServiceProvider.GetRequiredService<OversightDbContext>(), CancellationToken.None);
        Console.WriteLine($"Indexed the search text of {indexed:N0} cases (trigrams) in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static CitizenCase NewCase(int index, DateOnly received, Guid unitId, Random random, DateOnly today, RuleSet rules, WorkingDayTable calendar, DenouncerIdentity identity)
    {
        var kind = random.NextDouble() switch
        {
            < 0.66 => CaseKind.Petition,
            < 0.86 => CaseKind.Complaint,
            < 0.91 => CaseKind.SecondComplaint,
            _ => CaseKind.Denunciation,
        };
        var channel = random.NextDouble() switch
        {
            < 0.35 => CaseChannel.ReceptionSession,
            < 0.75 => CaseChannel.Mail,
            < 0.85 => CaseChannel.PublicWeb,
            < 0.90 => CaseChannel.App,
            _ => CaseChannel.ForwardedIn,
        };
        var name = $"{FamilyNames[random.Next(FamilyNames.Length)]} {MiddleNames[random.Next(MiddleNames.Length)]} {GivenNames[random.Next(GivenNames.Length)]}";
        var address = $"Thôn {random.Next(1, 15)}";
        var phone = $"09{random.Next(10_000_000, 99_999_999)}";
        var subject = Subjects[random.Next(Subjects.Length)];
        var citizenCase = new CitizenCase
        {
            Reference = $"{received.Year}-B{index:D8}",
            Kind = kind,
            Channel = channel,
            ReceivedOn = received,
            UnitId = unitId,
            Subject = subject,
            Content = $"{subject}. Công dân trình bày sự việc và đề nghị cơ quan có thẩm quyền xem xét, giải quyết theo quy định của pháp luật.",
            PetitionerCount = random.NextDouble() < 0.05 ? random.Next(2, 40) : 1,
            TrackingCode = channel == CaseChannel.PublicWeb ? $"B{index:D9}" : null,
        };
        if (kind == CaseKind.Denunciation)
        {
            citizenCase.ProtectedIdentity = identity.Protect(new PetitionerDetails(name, address, phone));
        }
        else
        {
            (citizenCase.PetitionerName, citizenCase.PetitionerAddress, citizenCase.PetitionerPhone) = (name, address, phone);
        }

        var wireKind = WireNames<CaseKind>.ToWire(kind);
        var acceptance = rules.Find($"{wireKind}.accept", received)!;
        citizenCase.AcceptanceDueOn = Deadlines.Due(received, acceptance, calendar);
        citizenCase.DeadlineBasis = acceptance.ToString();

        // The older the case, the likelier it is closed; a few stay open past their deadline.
        var age = today.DayNumber - received.DayNumber;
        var closedShare = age switch { > 120 => 0.95, > 45 => 0.7, > 15 => 0.35, _ => 0.05 };
        var roll = random.NextDouble();
        if (roll < 0.04 && age > 3)
        {
            Close(citizenCase, random.NextDouble() < 0.6 ? CaseStatus.Forwarded : CaseStatus.Rejected, received.AddDays(random.Next(1, Math.Min(age, 10))), today);
            citizenCase.WithinJurisdiction = false;
            citizenCase.ForwardedTo = citizenCase.Status == CaseStatus.Forwarded ? "Ủy ban nhân dân cấp trên" : null;
            return citizenCase;
        }

        var acceptedOn = received.AddDays(random.Next(1, 10));
        if (acceptedOn > today || (age < 12 && random.NextDouble() < 0.5))
        {
            return citizenCase;
        }

        var complex = random.NextDouble() < 0.15;
        var key = kind == CaseKind.Denunciation ? $"{wireKind}.resolve" : complex ? $"{wireKind}.resolve.complex-or-remote" : $"{wireKind}.resolve";
        var resolution = rules.Find(key, acceptedOn) ?? rules.Find($"{wireKind}.resolve", acceptedOn)!;
        citizenCase.Status = CaseStatus.Accepted;
        citizenCase.WithinJurisdiction = true;
        citizenCase.AcceptedOn = acceptedOn;
        citizenCase.Complex = complex;
        citizenCase.DueOn = Deadlines.Due(acceptedOn, resolution, calendar);
        citizenCase.DeadlineBasis = resolution.ToString();
        if (roll < closedShare)
        {
            var status = random.NextDouble() < 0.97 ? CaseStatus.Resolved : CaseStatus.Withdrawn;
            Close(citizenCase, status, acceptedOn.AddDays(random.Next(5, 70)), today);
            citizenCase.Outcome = status == CaseStatus.Resolved ? "Đã trả lời công dân bằng văn bản." : null;
        }
        else if (random.NextDouble() < 0.8)
        {
            citizenCase.Status = CaseStatus.UnderConsideration;
        }

        return citizenCase;
    }

    private static void Close(CitizenCase citizenCase, CaseStatus status, DateOnly on, DateOnly today)
    {
        citizenCase.Status = status;
        citizenCase.ClosedOn = on > today ? today : on;
    }

    /// <summary>
    /// The commune-level units (or the units of the kinds <c>kinds</c> takes) standing at the start of each month (under
    /// the unit carrying <c>within</c>, or anywhere when null), each with a fixed weight (a few are busy, most are quiet).
    /// </summary>
    internal sealed class CommunesByMonth
    {
        private readonly UnitGraph graph;
        private readonly Dictionary<int, (Guid Id, double Weight)[]> byMonth = [];
        private readonly Dictionary<int, double[]> cumulative = [];
        private readonly HashSet<Guid> seen = [];

        public CommunesByMonth(UnitGraph graph, DateOnly first, DateOnly last, string? within = null, Func<UnitKind, bool>? kinds = null)
        {
            this.graph = graph;
            kinds ??= kind => kind is UnitKind.Commune or UnitKind.Ward or UnitKind.Town or UnitKind.SpecialZone;
            for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
            {
                var roots = within is null ? graph.Roots(month) : [graph.Find(within, month) ?? throw new InvalidOperationException($"no unit carries {within} on {month}")];
                var units = roots.SelectMany(root => graph.Subtree(root.Id, month))
                    .Where(u => kinds(u.Kind))
                    .Select(u => (u.Id, Weight: Weight(u.Id)))
                    .ToArray();
                seen.UnionWith(units.Select(u => u.Id));
                byMonth[Key(month)] = units;
                var sum = 0.0;
                cumulative[Key(month)] = units.Select(u => sum += u.Weight).ToArray();
            }
        }

        public int Count => seen.Count;

        public Guid Pick(DateOnly day, Random random)
        {
            var units = byMonth[Key(day)];
            var sums = cumulative[Key(day)];
            for (var attempt = 0; ; attempt++)
            {
                var index = Array.BinarySearch(sums, random.NextDouble() * sums[^1]);
                var unit = units[index < 0 ? Math.Min(~index, units.Length - 1) : index];
                if (graph.At(unit.Id, day) is not null || attempt > 20)
                {
                    return unit.Id;
                }
            }
        }

        private static int Key(DateOnly day) => day.Year * 12 + day.Month;

        /// <summary>1 to about 20, fixed per unit: lognormal-ish from the id's hash.</summary>
        private static double Weight(Guid id)
        {
            var u = (id.GetHashCode() & 0x7fffffff) / (double)int.MaxValue;
            return Math.Exp(3 * u * u);
        }
    }
}
