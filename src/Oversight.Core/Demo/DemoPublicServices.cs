using Oversight.Data;
using Oversight.Indicators;
using Oversight.People;
using Oversight.PublicServices;

namespace Oversight.Demo;

/// <summary>What the demo's public services added.</summary>
public sealed record DemoPublicServiceCounts(int Dossiers, int AppInstallations);

/// <summary>
/// The district's administrative procedures and its staff's citizen app, giving the report's figures from the records:
/// the dossiers received at district and commune level from 1 Aug 2023 to the inspection day, 63.3% and 49.58% of them
/// online, and every post's holder in post on 11 Jul 2024 with the iHanoi app installed by then.
/// </summary>
/// <remarks>
/// The procedures' names are real, their codes and the dossiers' codes plausible, not the national database's. Volumes
/// are those of a district a tenth of the way to a real one, to keep the demo quick to load.
/// </remarks>
internal sealed class DemoPublicServices(OversightDbContext db, IndicatorFacts facts, DemoStructure structure, IReadOnlyList<Person> people, Random random)
{
    /// <summary>The day by which every post's holder had installed the app: "đến ngày 11/7/2024".</summary>
    public static readonly DateOnly AppsInstalledBy = new(2024, 7, 11);

    public const string CityApp = "ihanoi";

    private const int DistrictDossiers = 4_000;
    private const int DistrictOnline = 2_532;
    private const int CommuneDossiers = 16_000;
    private const int CommuneOnline = 7_933;

    private static readonly DateOnly From = new(2023, 8, 1);

    private static readonly (string Code, string Name, string Field, int Days)[] DistrictProcedures =
    [
        ("1.004227", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "Đất đai", 10),
        ("1.009972", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "Hoạt động xây dựng", 15),
        ("1.001612", "Cấp giấy chứng nhận đăng ký hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", 3),
        ("2.000889", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", 1),
        ("1.003003", "Cấp giấy phép bán lẻ sản phẩm rượu", "Lưu thông hàng hóa trong nước", 10),
    ];

    private static readonly (string Code, string Name, string Field, int Days)[] CommuneProcedures =
    [
        ("1.001193", "Đăng ký khai sinh", "Hộ tịch", 1),
        ("1.000894", "Đăng ký kết hôn", "Hộ tịch", 1),
        ("1.000656", "Đăng ký khai tử", "Hộ tịch", 1),
        ("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", 1),
        ("1.004946", "Cấp giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3),
        ("1.001776", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng", "Bảo trợ xã hội", 7),
    ];

    public async Task<DemoPublicServiceCounts> AddAsync(CancellationToken cancellationToken)
    {
        var dossiers = new List<Dossier>(DistrictDossiers + CommuneDossiers);
        dossiers.AddRange(Dossiers(ServiceLevel.District, DistrictDossiers, DistrictOnline, DistrictProcedures, _ => structure.District.Unit));
        var communes = structure.Communes.Where(c => c.IsOriginal).Select(c => c.Unit).ToList();
        dossiers.AddRange(Dossiers(ServiceLevel.Commune, CommuneDossiers, CommuneOnline, CommuneProcedures, i => communes[i % communes.Count]));

        var change = await facts.BeginAsync(db, [(typeof(Dossier), true, dossiers.Select(d => d.Id).ToArray())], cancellationToken);
        await BulkInsert.RowsAsync(db, dossiers, cancellationToken);
        if (change is not null)
        {
            await change.WriteAsync(cancellationToken);
        }

        var installations = Installations();
        db.AppInstallations.AddRange(installations);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new(dossiers.Count, installations.Count);
    }

    /// <summary>
    /// <paramref name="count"/> dossiers received from 1 Aug 2023 to the inspection day, exactly <paramref name="online"/>
    /// of them online, the i-th received at <paramref name="unitOf"/>(i).
    /// </summary>
    private IEnumerable<Dossier> Dossiers(
        ServiceLevel level, int count, int online, (string Code, string Name, string Field, int Days)[] procedures, Func<int, Organisation.UnitSnapshot> unitOf)
    {
        var days = DemoBodies.InspectionDay.DayNumber - From.DayNumber + 1;
        var onlineAt = Enumerable.Range(0, count).Select(i => i < online).ToArray();
        random.Shuffle(onlineAt);
        var received = Enumerable.Range(0, count).Select(_ => From.AddDays(random.Next(days))).Order().ToArray();
        for (var i = 0; i < count; i++)
        {
            var unit = unitOf(i);
            var procedure = procedures[random.Next(procedures.Length)];
            var receivedOn = received[i];
            var dueOn = receivedOn.AddDays(procedure.Days);
            var isOnline = onlineAt[i];

            // Most results come on time, one in ten late; those of the last days came after the inspection day.
            var completedOn = receivedOn.AddDays(random.Next(10) == 0 ? procedure.Days + 1 + random.Next(10) : random.Next(procedure.Days + 1));
            yield return new Dossier
            {
                Code = $"H26.{unit.Code}-{receivedOn:yyMMdd}-{i + 1:00000}",
                ProcedureCode = procedure.Code,
                ProcedureName = procedure.Name,
                Field = procedure.Field,
                Level = level,
                UnitId = unit.Id,
                Channel = isOnline ? DossierChannel.Online : random.Next(20) == 0 ? DossierChannel.Postal : DossierChannel.InPerson,
                OnlineService = isOnline ? (random.Next(10) < 7 ? OnlineService.Full : OnlineService.Partial) : random.Next(3) == 0 ? OnlineService.None : OnlineService.Partial,
                ReceivedOn = receivedOn,
                DueOn = dueOn,
                CompletedOn = completedOn,
                Result = random.Next(25) == 0 ? DossierResult.Rejected : random.Next(50) == 0 ? DossierResult.Withdrawn : DossierResult.Approved,
                ElectronicResult = isOnline && random.Next(10) < 6,
                Digitised = random.Next(10) < 7,
                PaidOnline = isOnline && random.Next(2) == 0,
                Satisfaction = random.Next(5) < 2 ? (byte)(random.Next(10) < 8 ? 4 + random.Next(2) : 2 + random.Next(2)) : null,
            };
        }
    }

    /// <summary>
    /// The iHanoi app on every post holder's phone: those in post on 11 Jul 2024 installed it from April to that day,
    /// those who took up a post later within a few days of it.
    /// </summary>
    private List<AppInstallation> Installations()
    {
        var spring = new DateOnly(2024, 4, 1);
        var installations = new List<AppInstallation>();
        foreach (var person in people.Where(p => p.Positions.Count > 0))
        {
            DateOnly? installedOn = person.Positions.Any(p => p.From <= AppsInstalledBy && (p.To is null || p.To >= AppsInstalledBy))
                ? spring.AddDays(random.Next(AppsInstalledBy.DayNumber - spring.DayNumber + 1))
                : person.Positions.Where(p => p.From > AppsInstalledBy).Min(p => p.From)?.AddDays(random.Next(7));
            if (installedOn is { } day)
            {
                installations.Add(new AppInstallation
                {
                    PersonId = person.Id, App = CityApp, InstalledOn = day, ActivatedOn = random.Next(10) == 0 ? null : day.AddDays(random.Next(3)),
                });
            }
        }

        return installations;
    }
}
