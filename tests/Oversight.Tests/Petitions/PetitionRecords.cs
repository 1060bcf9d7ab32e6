using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using Oversight.Text;

namespace Oversight.Tests.Petitions;

/// <summary>Cases, reception sessions and dialogue meetings written straight into a test database, as the workflow would leave them.</summary>
public static class PetitionRecords
{
    private static int sequence;

    /// <summary>The id of the unit carrying <paramref name="code"/> on <paramref name="asOf"/> in <see cref="TestUnits"/>' fragment.</summary>
    public static async Task<Guid> UnitIdAsync(TestDatabase database, string code, DateOnly asOf)
    {
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var units = await db.Units.Where(u => u.Code == code).ToListAsync(TestContext.Current.CancellationToken);
        return units.Single(u => u.IsValidOn(asOf)).Id;
    }

    public static CitizenCase Case(
        Guid unitId,
        DateOnly receivedOn,
        CaseStatus status = CaseStatus.Received,
        CaseKind kind = CaseKind.Petition,
        string subject = "Phản ánh về đường giao thông",
        string? petitioner = "Nguyễn Văn An",
        bool? withinJurisdiction = null,
        DateOnly? acceptedOn = null,
        DateOnly? dueOn = null,
        DateOnly? closedOn = null,
        Guid? sessionId = null,
        string? assigneeUserId = null)
    {
        var citizenCase = new CitizenCase
        {
            Reference = $"T-{Interlocked.Increment(ref sequence):D6}",
            Kind = kind,
            Channel = sessionId is null ? CaseChannel.Mail : CaseChannel.ReceptionSession,
            ReceivedOn = receivedOn,
            UnitId = unitId,
            Subject = subject,
            Content = "Nội dung",
            PetitionerName = petitioner,
            ReceptionSessionId = sessionId,
            WithinJurisdiction = withinJurisdiction,
            AcceptedOn = acceptedOn,
            AssigneeUserId = assigneeUserId,
            AcceptanceDueOn = receivedOn.AddDays(10),
            DueOn = dueOn,
            Status = status,
            ClosedOn = closedOn,
        };
        citizenCase.SearchText = VietnameseText.Fold($"{citizenCase.Reference} {subject} {petitioner}");
        return citizenCase;
    }

    public static ReceptionSession Session(Guid unitId, DateOnly heldOn, HostRole role, string host, int visits, int people) => new()
    {
        Reference = $"S-{Interlocked.Increment(ref sequence):D6}",
        UnitId = unitId,
        HeldOn = heldOn,
        HostName = host,
        HostRole = role,
        Visits = visits,
        People = people,
    };

    public static DialogueMeeting Meeting(Guid unitId, DateOnly heldOn, DialogueLevel level) => new()
    {
        Reference = $"D-{Interlocked.Increment(ref sequence):D6}",
        UnitId = unitId,
        HeldOn = heldOn,
        Level = level,
        Topic = "Đối thoại về giải phóng mặt bằng",
    };

    public static async Task AddAsync(TestDatabase database, params object[] records)
    {
        await using var scope = database.SystemScope("test-setup");
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        db.AddRange(records);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
