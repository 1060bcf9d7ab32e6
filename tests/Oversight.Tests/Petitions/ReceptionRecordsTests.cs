using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Petitions;

public sealed class ReceptionRecordsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ReceptionSessionRequest Session(string unit = "10060", string? reference = "TCD-2024-001") =>
        new(unit, "2024-03-15", "Nguyễn Văn Bình", null, "party-secretary", "regular", 3, 5, "Tiếp công dân định kỳ", reference);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_session_is_recorded_corrected_and_linked_to_the_cases_it_produced(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var chuongMy = await PetitionRecords.UnitIdAsync(database, "277", new DateOnly(2024, 1, 1));
        await using var scope = database.UserScope("officer", Roles.Officer, chuongMy);
        var records = scope.ServiceProvider.GetRequiredService<ReceptionRecords>();
        var workflow = scope.ServiceProvider.GetRequiredService<CaseWorkflow>();

        var created = await records.CreateSessionAsync(Session(), Cancel);
        var received = await workflow.ReceiveAsync(new CaseRequest("petition", "10060", "2024-03-15", "reception-session", "Đường làng", "Nội dung.", new PetitionerDetails("Lê Văn Cường", null, null), ReceptionSession: "TCD-2024-001"), Cancel);
        var unchanged = await records.UpdateSessionAsync(created.Record!.Id, Session(), cancellationToken: Cancel);
        var corrected = await records.UpdateSessionAsync(created.Record.Id, Session() with { People = 7, HostRole = "committee-chairman" }, cancellationToken: Cancel);
        var duplicate = await records.CreateSessionAsync(Session(), Cancel);

        Assert.True(created.Succeeded && created.Changed);
        Assert.Equal(created.Record.Id, received.Case!.ReceptionSessionId);
        Assert.True(unchanged.Succeeded);
        Assert.False(unchanged.Changed);
        Assert.True(corrected.Changed);
        Assert.Equal("SessionReferenceTaken", Assert.Single(duplicate.Errors).Key);
        var stored = await records.FindSessionAsync("TCD-2024-001", Cancel);
        Assert.Equal((7, HostRole.CommitteeChairman), (stored!.People, stored.HostRole));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_fields_and_units_outside_the_scope_are_reported_field_by_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var totDong = await PetitionRecords.UnitIdAsync(database, "10060", new DateOnly(2024, 1, 1));
        await using var scope = database.UserScope("officer", Roles.Officer, totDong);
        var records = scope.ServiceProvider.GetRequiredService<ReceptionRecords>();

        var outside = await records.CreateSessionAsync(Session(unit: "10072"), Cancel);
        var bad = await records.CreateSessionAsync(new ReceptionSessionRequest("10060", "2024-13-01", " ", "NOPE-1", "mayor", "regular", 5, 2), Cancel);
        var meeting = await records.CreateMeetingAsync(new DialogueMeetingRequest("10060", "district", "2024-04-02", "Giải phóng mặt bằng", 40, Cases: ["NO-SUCH-CASE"]), Cancel);

        Assert.Equal(("unit", "UnitNotFound"), (Assert.Single(outside.Errors).Field, outside.Errors[0].Key));
        Assert.Equal(
            ["heldOn:NotADate", "hostName:Required", "hostPersonCode:PersonNotFound", "hostRole:NotOneOf", "people:OutOfRange"],
            bad.Errors.Select(e => $"{e.Field}:{e.Key}").Order(StringComparer.Ordinal));
        Assert.Equal("cases:CaseNotFound", meeting.Errors.Select(e => $"{e.Field}:{e.Key}").Single());
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        Assert.False(await db.ReceptionSessions.AnyAsync(Cancel));
        Assert.False(await db.DialogueMeetings.AnyAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_meeting_links_the_cases_it_discussed_and_a_correction_replaces_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var chuongMy = await PetitionRecords.UnitIdAsync(database, "277", new DateOnly(2024, 1, 1));
        var first = PetitionRecords.Case(chuongMy, new DateOnly(2024, 2, 1));
        var second = PetitionRecords.Case(chuongMy, new DateOnly(2024, 2, 2));
        await PetitionRecords.AddAsync(database, first, second);
        await using var scope = database.UserScope("leader", Roles.Leader, chuongMy);
        var records = scope.ServiceProvider.GetRequiredService<ReceptionRecords>();
        var request = new DialogueMeetingRequest("277", "district", "2024-04-02", "Đối thoại về bồi thường", 35, "Lãnh đạo huyện, 30 hộ dân", "Thống nhất phương án", [first.Reference, second.Reference]);

        var created = await records.CreateMeetingAsync(request, Cancel);
        var again = await records.UpdateMeetingAsync(created.Record!.Id, request, cancellationToken: Cancel);
        var corrected = await records.UpdateMeetingAsync(created.Record.Id, request with { Cases = [second.Reference] }, cancellationToken: Cancel);

        Assert.True(created.Succeeded);
        Assert.StartsWith("DT-2024-", (await records.CreateMeetingAsync(request with { Cases = [] }, Cancel)).Record!.Reference);
        Assert.False(again.Changed);
        Assert.True(corrected.Changed);
        var stored = await records.FindMeetingAsync(created.Record.Reference, Cancel);
        Assert.Equal([second.Id], stored!.Cases.Select(c => c.CaseId));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_correction_of_a_session_made_on_a_copy_read_before_someone_elses_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);

        await StaleEdit.Of(
            s => s.GetRequiredService<ReceptionRecords>().CreateSessionAsync(Session(), Cancel),
            (s, id, version, stamp) => s.GetRequiredService<ReceptionRecords>().UpdateSessionAsync(id, Session() with { People = 5 + version }, stamp, Cancel),
            async (db, id) => $"{await db.ReceptionSessions.Where(r => r.Id == id).Select(r => r.People).SingleAsync(Cancel)}")
            .AssertRefusedAsync(database);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_correction_of_a_meeting_made_on_a_copy_read_before_someone_elses_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var request = new DialogueMeetingRequest("277", "district", "2024-04-02", "Đối thoại về bồi thường", 35);

        await StaleEdit.Of(
            s => s.GetRequiredService<ReceptionRecords>().CreateMeetingAsync(request, Cancel),
            (s, id, version, stamp) => s.GetRequiredService<ReceptionRecords>().UpdateMeetingAsync(id, request with { Outcome = $"Thống nhất phương án, bản {version}" }, stamp, Cancel),
            (db, id) => db.DialogueMeetings.Where(m => m.Id == id).Select(m => m.Outcome).SingleAsync(Cancel))
            .AssertRefusedAsync(database);
    }
}
