using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Tests.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Petitions;

public sealed class CasesApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object Complaint(string kind = "complaint", string unit = "10072", string receivedOn = "2024-02-07") => new
    {
        kind,
        unit,
        receivedOn,
        channel = "reception-session",
        subject = "Khiếu nại về bồi thường đất",
        content = "Ông đề nghị xem xét lại quyết định bồi thường.",
        petitioner = new { name = "Nguyễn Văn Đức", address = "Thôn Đồng Vai, xã Hợp Đồng", phone = "0912 345 678" },
    };

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_complaint_is_recorded_with_its_acceptance_deadline_counted_past_Tet(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var client = await web.CreateApiClientAsync("officer", Roles.Officer, "277", new DateOnly(2024, 7, 19));

        var response = await client.PostAsJsonAsync("/api/v1/cases", Complaint(), Cancel);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{created.GetProperty("id").GetString()}", Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("received", read.GetProperty("status").GetString());
        Assert.Equal("10072", read.GetProperty("unit").GetString());
        Assert.Equal("Nguyễn Văn Đức", read.GetProperty("petitioner").GetProperty("name").GetString());
        // 10 calendar days from 7 Feb 2024 end on 17 Feb, a Saturday after the Tết days off (8–14 Feb): the next working day is Mon 19 Feb.
        Assert.Equal("2024-02-19", read.GetProperty("acceptanceDueOn").GetString());
        Assert.Contains("complaint.accept", read.GetProperty("deadlineBasis").GetString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invalid_input_names_every_field_and_stores_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var client = await web.CreateApiClientAsync("officer", Roles.Officer, "10072", new DateOnly(2024, 7, 19));

        var response = await client.PostAsJsonAsync("/api/v1/cases", new { kind = "grievance", unit = "10060", receivedOn = "2024-13-01", channel = "mail", subject = "", content = "x", petitioner = new { name = "A", phone = "call me" } }, Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["kind", "petitioner.phone", "receivedOn", "subject"], fields);
        await using var scope = database.SystemScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Cases.CountAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_denouncer_is_never_in_the_case_and_a_reveal_is_allowed_to_leaders_and_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var officer = await web.CreateApiClientAsync("officer", Roles.Officer, "277", new DateOnly(2024, 7, 19));
        var leader = await web.CreateApiClientAsync("leader", Roles.Leader, "277", new DateOnly(2024, 7, 19));

        var created = await (await officer.PostAsJsonAsync("/api/v1/cases", Complaint("denunciation"), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = created.GetProperty("id").GetString();
        var asRead = await officer.GetStringAsync($"/api/v1/cases/{id}", Cancel);
        var officerReveal = await officer.GetAsync($"/api/v1/cases/{id}/identity?reason=curious", Cancel);
        var leaderReveal = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/identity?reason={Uri.EscapeDataString("Xác minh nội dung tố cáo")}", Cancel);

        Assert.DoesNotContain("Nguyễn Văn Đức", created.GetRawText());
        Assert.DoesNotContain("Đức", asRead);
        Assert.DoesNotContain("0912", asRead);
        Assert.Equal(HttpStatusCode.Forbidden, officerReveal.StatusCode);
        Assert.Equal("Nguyễn Văn Đức", leaderReveal.GetProperty("name").GetString());
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var stored = await db.Cases.AsNoTracking().SingleAsync(Cancel);
        Assert.Null(stored.PetitionerName);
        Assert.DoesNotContain("Đức", stored.ProtectedIdentity);
        Assert.DoesNotContain("duc", stored.SearchText);
        var reveal = Assert.Single(await db.AuditEntries.Where(e => e.Action == "reveal").ToListAsync(Cancel));
        Assert.Equal("leader", reveal.Actor);
        Assert.Contains("Xác minh nội dung tố cáo", reveal.After);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.After != null && e.After.Contains("Đức"), Cancel));
    }

    /// <summary>
    /// The Law on Denunciations keeps the identity to the resolver: an officer cannot open it by assigning the
    /// denunciation to themselves (or to a colleague), a leader cannot assign it to themselves, and only the officer a
    /// leader assigned and the leaders see it, each time with a reason; inspectors and administrators are refused.
    /// </summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_a_leader_assigns_a_denunciation_and_only_the_assignee_and_the_leaders_see_the_denouncer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var asOf = new DateOnly(2024, 7, 19);
        var officer = await web.CreateApiClientAsync("officer", Roles.Officer, "277", asOf);
        var colleague = await web.CreateApiClientAsync("colleague", Roles.Officer, "277", asOf);
        var leader = await web.CreateApiClientAsync("leader", Roles.Leader, "277", asOf);
        var inspector = await web.CreateApiClientAsync("inspector", Roles.Inspector, "277", asOf);
        var admin = await web.CreateApiClientAsync("admin", Roles.Administrator);
        var created = await (await officer.PostAsJsonAsync("/api/v1/cases", Complaint("denunciation"), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = created.GetProperty("id").GetString();
        Task<HttpResponseMessage> Assign(HttpClient client, string assignee) =>
            client.PostAsJsonAsync($"/api/v1/cases/{id}/steps", new { action = "assign", assignee, on = "2024-02-08" }, Cancel);
        Task<HttpResponseMessage> Reveal(HttpClient client, string? reason = "Giải quyết tố cáo") =>
            client.GetAsync($"/api/v1/cases/{id}/identity" + (reason is null ? "" : "?reason=" + Uri.EscapeDataString(reason)), Cancel);

        var selfAssigned = await Assign(officer, "officer");
        var assignedByColleague = await Assign(colleague, "officer");
        var leaderSelfAssigned = await Assign(leader, "leader");
        var beforeAssignment = await Reveal(officer);
        var assigned = await Assign(leader, "officer");
        var byAssignee = await Reveal(officer);
        var byColleague = await Reveal(colleague);
        var byInspector = await Reveal(inspector);
        var byAdministrator = await Reveal(admin);
        var withoutReason = await Reveal(leader, reason: null);
        var byLeader = await Reveal(leader);
        var reassignedByAdministrator = await Assign(admin, "colleague");
        var byFormerAssignee = await Reveal(officer);

        Assert.Equal(HttpStatusCode.Forbidden, selfAssigned.StatusCode);
        Assert.Contains("denunciation is assigned by a leader", await selfAssigned.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.Forbidden, assignedByColleague.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, leaderSelfAssigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, beforeAssignment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAssignee.StatusCode);
        Assert.Equal("Nguyễn Văn Đức", (await byAssignee.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byColleague.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byInspector.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAdministrator.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("reason", await withoutReason.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, byLeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reassignedByAdministrator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byFormerAssignee.StatusCode);

        await using var scope = database.SystemScope();
        var reveals = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries
            .Where(e => e.Action == "reveal").OrderBy(e => e.Id).Select(e => e.Actor).ToListAsync(Cancel);
        Assert.Equal(["officer", "leader"], reveals);
        var steps = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().CaseSteps
            .Where(s => s.Action == CaseAction.Assigned).ToListAsync(Cancel);
        Assert.Equal(["leader", "admin"], steps.OrderBy(s => s.RecordedAt).Select(s => s.Actor));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_out_of_scope_does_not_exist_for_the_caller(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var district = await web.CreateApiClientAsync("officer", Roles.Officer, "277", new DateOnly(2024, 7, 19));
        var neighbour = await web.CreateApiClientAsync("neighbour", Roles.Officer, "10021", new DateOnly(2024, 7, 19));

        var created = await (await district.PostAsJsonAsync("/api/v1/cases", Complaint(), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = created.GetProperty("id").GetString();
        var read = await neighbour.GetAsync($"/api/v1/cases/{id}", Cancel);
        var act = await neighbour.PostAsJsonAsync($"/api/v1/cases/{id}/steps", new { action = "accept", on = "2024-02-08" }, Cancel);
        var create = await neighbour.PostAsJsonAsync("/api/v1/cases", Complaint(), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, act.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_walks_from_receipt_to_resolution_and_only_lawful_steps_are_taken(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var client = await web.CreateApiClientAsync("officer", Roles.Officer, "277", new DateOnly(2024, 7, 19));
        var created = await (await client.PostAsJsonAsync("/api/v1/cases", Complaint(receivedOn: "2024-03-01"), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var steps = $"/api/v1/cases/{created.GetProperty("id").GetString()}/steps";

        var resolveTooEarly = await client.PostAsJsonAsync(steps, new { action = "resolve", on = "2024-03-04", outcome = "Đúng một phần" }, Cancel);
        var accepted = await (await client.PostAsJsonAsync(steps, new { action = "accept", on = "2024-03-04", complex = true }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var assigned = await (await client.PostAsJsonAsync(steps, new { action = "assign", on = "2024-03-05", assignee = "officer" }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var extend = await client.PostAsJsonAsync(steps, new { action = "extend", on = "2024-03-20", reason = "Cần xác minh thêm" }, Cancel);
        var resolved = await (await client.PostAsJsonAsync(steps, new { action = "resolve", on = "2024-04-10", outcome = "Khiếu nại đúng một phần" }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var reopen = await client.PostAsJsonAsync(steps, new { action = "accept", on = "2024-04-11" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, resolveTooEarly.StatusCode);
        // 45 calendar days (complex) from 4 Mar 2024: 18 Apr 2024, Hùng Kings' day, a day off: due the next working day, 19 Apr.
        Assert.Equal("2024-04-19", accepted.GetProperty("dueOn").GetString());
        Assert.Equal("under-consideration", assigned.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, extend.StatusCode);
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal("2024-04-10", resolved.GetProperty("closedOn").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, reopen.StatusCode);
        Assert.Equal(["received", "accepted", "assigned", "resolved"], resolved.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_step_sent_with_the_stamp_read_before_someone_elses_step_answers_409_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var first = await web.CreateApiClientAsync("officer", Roles.Officer, "277", new DateOnly(2024, 7, 19));
        var second = await web.CreateApiClientAsync("leader", Roles.Leader, "277", new DateOnly(2024, 7, 19));
        var created = await (await first.PostAsJsonAsync("/api/v1/cases", Complaint(receivedOn: "2024-03-01"), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = created.GetProperty("id").GetString();
        var stamp = (await first.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}", Cancel)).GetProperty("stamp").GetString();

        using var theirs = await second.PostAsJsonAsync($"/api/v1/cases/{id}/steps", new { action = "accept", on = "2024-03-04", stamp }, Cancel);
        var audited = await database.AuditEntryCountAsync();
        using var stale = await first.PostAsJsonAsync($"/api/v1/cases/{id}/steps", new { action = "reject", on = "2024-03-04", reason = "Không đủ điều kiện", stamp }, Cancel);

        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        Assert.NotEqual(stamp, (await theirs.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("stamp").GetString());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("someone changed this record meanwhile; reload it and try again", problem.GetProperty("errors").GetProperty("").EnumerateArray().Single().GetString());
        Assert.Equal(audited, await database.AuditEntryCountAsync());
        var stored = await first.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}", Cancel);
        Assert.Equal(["received", "accepted"], stored.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
    }
}
