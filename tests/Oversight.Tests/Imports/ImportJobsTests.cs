using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Petitions;

namespace Oversight.Tests.Imports;

public sealed class ImportJobsTests
{
    private const string Header =
        "reference,kind,unit,received_on,channel,subject,content,petitioner_name,petitioner_address,petitioner_phone,petitioner_count,reception_session,"
        + "within_jurisdiction,accepted_on,complex,remote_area,forwarded_to,forwarded_on,guidance,assignee,extended_on,extension_reason,status,closed_on,outcome,repeat_of";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// A register of <paramref name="count"/> petitions received by Chương Mỹ in 2024, numbered from 1; the first brought
    /// at the reception session <paramref name="session"/> when given.
    /// </summary>
    private static byte[] Cases(int count, string? badDate = null, string? session = null)
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= count; i++)
        {
            var day = i == count && badDate is not null ? badDate : $"2024-{1 + i % 12:00}-{1 + i % 28:00}";
            var (channel, at) = i == 1 && session is not null ? ("reception-session", session) : ("mail", "");
            csv.Append($"NK-{i:00000},petition,277,{day},{channel},Phản ánh số {i},Nội dung phản ánh {i}.,Người dân {i},,,,{at},,,,,,,,,,,,,,\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static async Task<TestDatabase> DatabaseWithOfficersAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var scope = database.SystemScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        foreach (var name in new[] { "can-bo", "can-bo-khac" })
        {
            Assert.Null(await accounts.AddUserAsync(name, Roles.Officer, "277", new DateOnly(2024, 1, 1), "Mat-khau-du-dai-2024", null, Cancel));
        }

        return database;
    }

    /// <summary>A scope acting as the account <paramref name="userName"/>, with its id, roles and scope as a request has them.</summary>
    private static async Task<AsyncServiceScope> AccountScopeAsync(TestDatabase database, string userName)
    {
        var scope = database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OversightUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        scope.ServiceProvider.GetRequiredService<Caller>().SetUser(user.Id, userName, await users.GetRolesAsync(user), user.ScopeUnitId);
        return scope;
    }

    private static async Task<ImportJob> QueueAsync(TestDatabase database, string userName, byte[] content, bool dryRun = false)
    {
        await using var scope = await AccountScopeAsync(database, userName);
        return (await scope.ServiceProvider.GetRequiredService<ImportJobs>().QueueAsync("cases", "sổ vụ việc.csv", new MemoryStream(content), dryRun, Cancel))!;
    }

    private static async Task<ImportJob> StoredAsync(TestDatabase database, Guid id)
    {
        await using var scope = database.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<OversightDbContext>().ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id, Cancel);
    }

    /// <summary>The file kept with the job (a column the model knows by name only); null once the job has run.</summary>
    private static async Task<byte[]?> StoredFileAsync(TestDatabase database, Guid id)
    {
        await using var scope = database.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<OversightDbContext>().ImportJobs.Where(j => j.Id == id)
            .Select(j => EF.Property<byte[]?>(j, "Content")).SingleAsync(Cancel);
    }

    private static async Task<int> ImportedCasesAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Cases.CountAsync(c => c.Reference.StartsWith("NK-"), Cancel);
    }

    private static Task<bool> RunNextAsync(TestDatabase database) => ImportJobs.RunNextAsync(database.Services, NullLogger.Instance, Cancel);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_queued_file_runs_once_as_the_account_that_gave_it_and_keeps_its_result_for_that_account(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithOfficersAsync(provider);
        var job = await QueueAsync(database, "can-bo", Cases(12));

        Assert.Equal(0, await ImportedCasesAsync(database));
        Assert.Equal(Cases(12), await StoredFileAsync(database, job.Id));
        Assert.True(await RunNextAsync(database));
        Assert.False(await RunNextAsync(database));

        var stored = await StoredAsync(database, job.Id);
        Assert.Equal((ImportJobStatus.Succeeded, ImportStage.Writing, 12, 12), (stored.Status, stored.Stage, stored.RowsDone, stored.RowsTotal));
        Assert.Null(await StoredFileAsync(database, job.Id));
        Assert.Equal(new ImportTally("cases", 12, 0, 0), Assert.Single(ImportJobs.ResultOf(stored)!.Tallies));
        Assert.Equal(12, await ImportedCasesAsync(database));
        await using var author = await AccountScopeAsync(database, "can-bo");
        await using var other = await AccountScopeAsync(database, "can-bo-khac");
        Assert.Equal([job.Id], (await author.ServiceProvider.GetRequiredService<ImportJobs>().RecentAsync(10, Cancel)).Select(j => j.Id));
        Assert.Null(await other.ServiceProvider.GetRequiredService<ImportJobs>().FindAsync(job.Id, Cancel));
        Assert.Empty(await other.ServiceProvider.GetRequiredService<ImportJobs>().RecentAsync(10, Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_an_error_on_its_last_row_fails_naming_it_and_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithOfficersAsync(provider);
        var audit = await database.AuditEntryCountAsync();
        var job = await QueueAsync(database, "can-bo", Cases(30, badDate: "2024-02-30"));

        await RunNextAsync(database);

        var stored = await StoredAsync(database, job.Id);
        Assert.Equal(ImportJobStatus.Failed, stored.Status);
        Assert.Equal(["sổ vụ việc.csv:31: column received_on: '2024-02-30' is not a date in the form YYYY-MM-DD"], ImportJobs.ResultOf(stored)!.Errors.Select(e => e.ToString()));
        Assert.Equal(0, await ImportedCasesAsync(database));
        Assert.Equal(audit + 1, await database.AuditEntryCountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_job_whose_node_stopped_runs_again_once_its_lease_has_lapsed(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithOfficersAsync(provider);
        var job = await QueueAsync(database, "can-bo", Cases(3));
        await using (var scope = database.SystemScope())
        {
            var leaseEnd = database.Time.GetUtcNow() + ImportJobs.Lease;
            await scope.ServiceProvider.GetRequiredService<OversightDbContext>().ImportJobs.ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, ImportJobStatus.Running).SetProperty(j => j.LeaseExpiresAt, leaseEnd), Cancel);
        }

        Assert.False(await RunNextAsync(database));
        database.Time.Advance(ImportJobs.Lease + TimeSpan.FromSeconds(1));
        Assert.True(await RunNextAsync(database));

        Assert.Equal(ImportJobStatus.Succeeded, (await StoredAsync(database, job.Id)).Status);
        Assert.Equal(3, await ImportedCasesAsync(database));
    }

    /// <summary>How many of the database's sessions wait for a lock.</summary>
    private static async Task<int> WaitingOnLocksAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Database
            .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE NOT granted").SingleAsync(Cancel);
    }

    [Fact]
    public async Task On_PostgreSQL_cases_are_written_while_an_import_runs_and_the_import_shows_only_once_it_has_all_succeeded()
    {
        await using var database = await DatabaseWithOfficersAsync(DatabaseProvider.PostgreSQL);
        const int rows = 1500;
        ReceptionSession session;
        await using (var scope = database.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            session = PetitionRecords.Session(await db.Units.Where(u => u.Code == "277").Select(u => u.Id).SingleAsync(Cancel), new DateOnly(2024, 1, 2), HostRole.CommitteeChairman, "Nguyễn Văn A", 3, 3);
            db.ReceptionSessions.Add(session);
            await db.SaveChangesAsync(Cancel);
        }

        // Another officer is correcting the session the import's first case was brought at, in a transaction still open:
        // the import waits for it once it writes that case's facts (their records take turns), and nobody else waits.
        await using var correcting = await AccountScopeAsync(database, "can-bo-khac");
        var correctingDb = correcting.ServiceProvider.GetRequiredService<OversightDbContext>();
        await using var correction = await correctingDb.Database.BeginTransactionAsync(Cancel);
        (await correctingDb.ReceptionSessions.SingleAsync(s => s.Id == session.Id, Cancel)).People = 4;
        await correctingDb.SaveChangesAsync(Cancel);

        var job = await QueueAsync(database, "can-bo", Cases(rows, session: session.Reference));
        var running = Task.Run(() => RunNextAsync(database), Cancel);
        for (var attempt = 0; await WaitingOnLocksAsync(database) == 0; attempt++)
        {
            Assert.True(attempt < 600 && !running.IsCompleted, "the import did not wait for the session being corrected");
            await Task.Delay(100, Cancel);
        }

        await using (var scope = await AccountScopeAsync(database, "can-bo-khac"))
        {
            var received = await scope.ServiceProvider.GetRequiredService<CaseWorkflow>().ReceiveAsync(
                new CaseRequest("petition", "277", "2024-06-03", "mail", "Phản ánh trong lúc nhập", "Nội dung.", new PetitionerDetails("Người dân", null, null), Reference: "TM-2024-0001"),
                Cancel);
            Assert.True(received.Succeeded);
        }

        var whileRunning = (await StoredAsync(database, job.Id)).Status;
        var visibleWhileRunning = await ImportedCasesAsync(database);
        await correction.CommitAsync(Cancel);
        await running;

        Assert.Equal((ImportJobStatus.Running, 0), (whileRunning, visibleWhileRunning));
        Assert.Equal(ImportJobStatus.Succeeded, (await StoredAsync(database, job.Id)).Status);
        Assert.Equal(rows, await ImportedCasesAsync(database));
    }
}
