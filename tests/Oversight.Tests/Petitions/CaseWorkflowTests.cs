using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Rules;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Petitions;

public sealed class CaseWorkflowTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static CaseRequest Request(string kind, string receivedOn, string unit = "10072") => new(
        kind, unit, receivedOn, "mail", "Tố cáo cán bộ địa chính", "Nội dung đơn.", new PetitionerDetails("Trần Thị Hạnh", "Xóm Chợ", "0987654321"));

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_keeps_the_rules_in_force_when_its_clock_started(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var scope = database.SystemScope();
        var workflow = scope.ServiceProvider.GetRequiredService<CaseWorkflow>();
        await scope.ServiceProvider.GetRequiredService<RulePackLoader>().LoadAsync(
            "complaints-2024-03.json",
            """{ "id": "complaints-2024-03", "title": "Thử nghiệm", "effectiveFrom": "2024-03-01", "rules": { "complaint.resolve": { "value": 20, "unit": "working-days", "citation": "Giả định trong kiểm thử" } } }""",
            Cancel);

        var early = (await workflow.ReceiveAsync(Request("complaint", "2024-02-20"), Cancel)).Case!;
        var late = (await workflow.ReceiveAsync(Request("complaint", "2024-02-26"), Cancel)).Case!;
        var earlyAccepted = await workflow.AcceptAsync(early.Id, new DateOnly(2024, 2, 29), false, false, cancellationToken: Cancel);
        var lateAccepted = await workflow.AcceptAsync(late.Id, new DateOnly(2024, 3, 1), false, false, cancellationToken: Cancel);

        // 30 calendar days from Thu 29 Feb 2024: Sat 30 Mar, a day off, so Mon 1 Apr.
        Assert.Equal(new DateOnly(2024, 4, 1), earlyAccepted.Case!.DueOn);
        Assert.Contains("citizens-2012", earlyAccepted.Case.DeadlineBasis);
        // 20 working days from Fri 1 Mar 2024: Fri 29 Mar.
        Assert.Equal(new DateOnly(2024, 3, 29), lateAccepted.Case!.DueOn);
        Assert.Contains("complaints-2024-03", lateAccepted.Case.DeadlineBasis);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_denunciation_is_extended_at_most_as_often_as_the_law_allows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var scope = database.SystemScope();
        var workflow = scope.ServiceProvider.GetRequiredService<CaseWorkflow>();
        var received = (await workflow.ReceiveAsync(Request("denunciation", "2024-05-02"), Cancel)).Case!;

        var accepted = await workflow.AcceptAsync(received.Id, new DateOnly(2024, 5, 6), true, false, cancellationToken: Cancel);
        var dueBefore = accepted.Case!.DueOn;
        var first = await workflow.ExtendAsync(received.Id, new DateOnly(2024, 6, 1), "Vụ việc phức tạp", "12/QĐ-UBND", cancellationToken: Cancel);
        var dueAfterFirst = first.Case!.DueOn;
        var second = await workflow.ExtendAsync(received.Id, new DateOnly(2024, 7, 1), "Đặc biệt phức tạp", "20/QĐ-UBND", cancellationToken: Cancel);
        var third = await workflow.ExtendAsync(received.Id, new DateOnly(2024, 8, 1), "Lần thứ ba", null, cancellationToken: Cancel);

        // 7 working days from Thu 2 May 2024, Saturday 4 May being worked in exchange for 29 Apr: Fri 10 May.
        Assert.Equal(new DateOnly(2024, 5, 10), received.AcceptanceDueOn);
        Assert.Equal(new DateOnly(2024, 6, 5), dueBefore);
        Assert.Equal(new DateOnly(2024, 7, 5), dueAfterFirst);
        Assert.True(second.Succeeded);
        Assert.Equal("NoMoreExtensions", Assert.Single(third.Errors).Key);
        await using var check = database.SystemScope();
        var stored = await check.ServiceProvider.GetRequiredService<OversightDbContext>().Cases.Include(c => c.Extensions).SingleAsync(Cancel);
        Assert.Equal(2, stored.Extensions.Count);
        Assert.Equal(new DateOnly(2024, 8, 5), stored.DueOn);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_form_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        Guid id;
        Guid stamp;
        await using (var scope = database.SystemScope())
        {
            var received = (await scope.ServiceProvider.GetRequiredService<CaseWorkflow>().ReceiveAsync(Request("petition", "2024-05-02"), Cancel)).Case!;
            (id, stamp) = (received.Id, received.ConcurrencyStamp);
        }

        await using (var scope = database.SystemScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<CaseWorkflow>().NoteAsync(id, "Đã gọi điện", false, stamp, Cancel)).Succeeded);
        }

        await using (var scope = database.SystemScope())
        {
            var stale = await scope.ServiceProvider.GetRequiredService<CaseWorkflow>().AcceptAsync(id, new DateOnly(2024, 5, 3), false, false, stamp, Cancel);
            Assert.Equal("ChangedMeanwhile", Assert.Single(stale.Errors).Key);
        }

        await using var check = database.SystemScope();
        Assert.Equal(CaseStatus.Received, (await check.ServiceProvider.GetRequiredService<OversightDbContext>().Cases.SingleAsync(Cancel)).Status);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_node_with_its_own_services_reads_what_this_one_encrypted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        string ciphertext;
        await using (var scope = database.SystemScope())
        {
            ciphertext = (await scope.ServiceProvider.GetRequiredService<CaseWorkflow>().ReceiveAsync(Request("denunciation", "2024-05-02"), Cancel)).Case!.ProtectedIdentity!;
        }

        // A second application node: a separate service provider (own key cache) on the same database.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        await using var otherNode = new ServiceCollection().AddLogging().AddOversightCore(configuration).BuildServiceProvider();
        var protector = otherNode.GetRequiredService<IDataProtectionProvider>().CreateProtector("Oversight.Petitions.DenouncerIdentity.v1");

        Assert.Equal("Trần Thị Hạnh", System.Text.Json.JsonSerializer.Deserialize<PetitionerDetails>(protector.Unprotect(ciphertext))!.Name);
        await using var check = database.SystemScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<OversightDbContext>().DataProtectionKeys.CountAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_records_cases_only_in_units_of_their_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        Guid totDong;
        await using (var setup = database.SystemScope())
        {
            totDong = (await setup.ServiceProvider.GetRequiredService<OversightDbContext>().Units.SingleAsync(u => u.Code == "10060", Cancel)).Id;
        }

        await using var scope = database.UserScope("officer.totdong", Roles.Officer, totDong);
        var workflow = scope.ServiceProvider.GetRequiredService<CaseWorkflow>();

        var own = await workflow.ReceiveAsync(Request("petition", "2024-05-02", "10060"), Cancel);
        var neighbour = await workflow.ReceiveAsync(Request("petition", "2024-05-02", "10072"), Cancel);

        Assert.True(own.Succeeded);
        Assert.Equal(("unit", "UnitNotFound"), (Assert.Single(neighbour.Errors).Field, neighbour.Errors[0].Key));
    }
}
