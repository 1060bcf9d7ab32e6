using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Cli;
using Oversight.Data;
using Oversight.Notifications;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Petitions;

namespace Oversight.Tests.Notifications;

public sealed class DailyDigestsTests
{
    private const string Officer = "officer-totdong";
    private const string Idle = "officer-hopdong";
    private const string Leader = "leader-chuongmy";
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    /// <summary>The test clock's day, a Wednesday: 25 Nov 2026.</summary>
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_officer_with_an_overdue_case_receives_one_digest_in_Vietnamese_and_a_second_run_the_same_day_sends_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var mail = await TestMailServer.StartAsync();
        var (totDong, officerId) = await AccountsAsync(database);
        await AddAccountAsync(database, "officer-quiet", Roles.Officer, "10060", "quiet@example.org");
        await AddAccountAsync(database, "officer-noaddress", Roles.Officer, "10060", null);
        await using (var scope = database.SystemScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var quiet = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Users.SingleAsync(u => u.UserName == "officer-quiet", Cancel);
            Assert.Null(await accounts.SetPreferencesAsync(quiet.Id, new("quiet@example.org", Languages.Vietnamese, ReceivesDigests: false)));
        }

        var late = PetitionRecords.Case(totDong, new DateOnly(2026, 10, 1), CaseStatus.UnderConsideration, subject: "Đường thôn Đồng Tâm xuống cấp",
            acceptedOn: new DateOnly(2026, 10, 2), dueOn: Today.AddDays(-3), assigneeUserId: officerId);
        await PetitionRecords.AddAsync(database, late);
        await using var node = Node(database, mail);
        var digests = node.GetRequiredService<DailyDigests>();

        var first = await digests.RunAsync(Today, Cancel);
        var second = await digests.RunAsync(Today, Cancel);

        Assert.Equal(new DigestTally(Today, Created: 1, Emailed: 1, NothingWaiting: 2, NoAddress: 1, DigestsOff: 1, AlreadySent: 0, Escalations: 0), first);
        Assert.Equal(new DigestTally(Today, Created: 0, Emailed: 0, NothingWaiting: 2, NoAddress: 1, DigestsOff: 1, AlreadySent: 1, Escalations: 0), second);
        var message = Assert.Single(mail.Messages);
        Assert.Equal("officer-totdong@example.org", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Oversight: việc đang chờ bạn ngày 25/11/2026", message.Subject);
        var body = message.TextBody;
        Assert.Contains("1 vụ việc được giao cho bạn đã quá hạn", body);
        Assert.Contains($"- {late.Reference}: Đường thôn Đồng Tâm xuống cấp — quá hạn 3 ngày (hạn 22/11/2026)", body);
        Assert.Contains($"{TestMailServer.BaseUrl}/cases/{late.Id}", body);
        Assert.Contains($"{TestMailServer.BaseUrl}/account/notifications", body);
        Assert.DoesNotContain(" 0 ", body);
        await using var check = database.SystemScope();
        var stored = await check.ServiceProvider.GetRequiredService<OversightDbContext>().Notifications.SingleAsync(Cancel);
        Assert.Equal((officerId, "digest:2026-11-25", NotificationKind.Digest), (stored.UserId, stored.Key, stored.Kind));
        Assert.NotNull(stored.EmailedAt);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_digest_the_mail_server_refused_is_e_mailed_once_by_the_jobs_next_round(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (totDong, officerId) = await AccountsAsync(database);
        await PetitionRecords.AddAsync(database, PetitionRecords.Case(totDong, new DateOnly(2026, 10, 1), CaseStatus.UnderConsideration, subject: "Cống thoát nước bị tắc",
            acceptedOn: new DateOnly(2026, 10, 2), dueOn: Today.AddDays(-1), assigneeUserId: officerId));
        DigestTally refused;
        TestMailServer down;
        await using (down = await TestMailServer.StartAsync())
        {
        }

        // The server is gone: nothing listens on its port.
        await using (var node = Node(database, down))
        {
            refused = (await node.GetRequiredService<DailyDigests>().RunDueAsync(digestHour: 0, Cancel))!;
        }

        var unsent = await DigestAsync(database);
        await using var mail = await TestMailServer.StartAsync();
        await using var first = Node(database, mail);
        await using var second = Node(database, mail);
        // The job's next round, on two nodes at once: one of them sends it.
        var tallies = await Task.WhenAll(
            first.GetRequiredService<DailyDigests>().RunDueAsync(digestHour: 0, Cancel),
            second.GetRequiredService<DailyDigests>().RunDueAsync(digestHour: 0, Cancel));
        var nextRound = await first.GetRequiredService<DailyDigests>().RunDueAsync(digestHour: 0, Cancel);
        var again = await first.GetRequiredService<DailyDigests>().RunAsync(Today, Cancel);

        Assert.Equal((1, 0), (refused.Created, refused.Emailed));
        Assert.Null(unsent.EmailedAt);
        Assert.Equal((0, 1), (tallies.Sum(t => t?.Created ?? 0), tallies.Sum(t => t?.Emailed ?? 0)));
        Assert.Null(nextRound);
        Assert.Equal((0, 0, 1), (again.Created, again.Emailed, again.AlreadySent));
        Assert.Equal($"{Officer}@example.org", Assert.Single(Assert.Single(mail.Messages).To.Mailboxes).Address);
        var sent = await DigestAsync(database);
        Assert.Equal(unsent.Id, sent.Id);
        Assert.NotNull(sent.EmailedAt);
    }

    private static async Task<Notification> DigestAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Notifications.SingleAsync(n => n.Kind == NotificationKind.Digest, Cancel);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_account_without_an_address_of_its_own_receives_its_digest_at_the_address_of_its_person(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var mail = await TestMailServer.StartAsync();
        var (totDong, _) = await AccountsAsync(database);
        await AddAccountAsync(database, "officer-person", Roles.Officer, "10060", null);
        var accountId = await IdOfAsync(database, "officer-person");
        await using (var scope = database.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            var person = new Oversight.People.Person { Code = "CM-0099", FullName = "Lê Thị Thu Hà", Email = "ha.ltt@example.org" };
            db.People.Add(person);
            (await db.Users.SingleAsync(u => u.Id == accountId, Cancel)).PersonId = person.Id;
            await db.SaveChangesAsync(Cancel);
        }

        await PetitionRecords.AddAsync(database, PetitionRecords.Case(totDong, new DateOnly(2026, 10, 1), CaseStatus.UnderConsideration, subject: "Cống thoát nước bị tắc",
            acceptedOn: new DateOnly(2026, 10, 2), dueOn: Today.AddDays(-1), assigneeUserId: accountId));
        await using var node = Node(database, mail);

        var tally = await node.GetRequiredService<DailyDigests>().RunAsync(Today, Cancel);

        Assert.Equal((1, 1, 0), (tally.Created, tally.Emailed, tally.NoAddress));
        Assert.Equal("ha.ltt@example.org", Assert.Single(Assert.Single(mail.Messages).To.Mailboxes).Address);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_leader_receives_an_escalation_once_for_a_case_overdue_by_five_working_days_and_none_for_one_overdue_fewer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var mail = await TestMailServer.StartAsync();
        var (totDong, _) = await AccountsAsync(database);
        await using (var scope = database.SystemScope())
        {
            var leader = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Users.SingleAsync(u => u.UserName == Leader, Cancel);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<AccountService>().SetPreferencesAsync(leader.Id, new(leader.Email, Languages.English, true)));
        }

        // Monday 16 Nov: 7 working days overdue on Wednesday 25 Nov; Friday 20 Nov: 3.
        var old = PetitionRecords.Case(totDong, new DateOnly(2026, 10, 1), CaseStatus.UnderConsideration, subject: "Lấn chiếm đất công", acceptedOn: new DateOnly(2026, 10, 2), dueOn: new DateOnly(2026, 11, 16));
        var recent = PetitionRecords.Case(totDong, new DateOnly(2026, 10, 5), CaseStatus.UnderConsideration, subject: "Tiếng ồn ban đêm", acceptedOn: new DateOnly(2026, 10, 6), dueOn: new DateOnly(2026, 11, 20));
        await PetitionRecords.AddAsync(database, old, recent);
        await using var node = Node(database, mail);
        var digests = node.GetRequiredService<DailyDigests>();

        var first = await digests.RunAsync(Today, Cancel);
        var next = await digests.RunAsync(Today.AddDays(1), Cancel);

        Assert.Equal(1, first.Escalations);
        Assert.Equal(0, next.Escalations);
        await using var check = database.SystemScope();
        var db = check.ServiceProvider.GetRequiredService<OversightDbContext>();
        var leaderId = (await db.Users.SingleAsync(u => u.UserName == Leader, Cancel)).Id;
        var escalation = await db.Notifications.SingleAsync(n => n.Kind == NotificationKind.Escalation, Cancel);
        Assert.Equal((leaderId, $"escalation:{old.Id}", $"/cases/{old.Id}"), (escalation.UserId, escalation.Key, escalation.Link));
        Assert.Equal($"Case {old.Reference} is 7 working days overdue", escalation.Subject);
        Assert.NotNull(escalation.EmailedAt);

        // The leader's digest in English carries the escalation, once: the next day's has nothing left for them.
        var toLeader = mail.Messages.Where(m => m.To.Mailboxes.Single().Address == $"{Leader}@example.org").ToList();
        var digest = Assert.Single(toLeader);
        Assert.Equal("Oversight: what waits for you on 25 Nov 2026", digest.Subject);
        Assert.Contains("1 overdue cases escalated to you", digest.TextBody);
        Assert.Contains($"{TestMailServer.BaseUrl}/cases/{old.Id}", digest.TextBody);
        Assert.DoesNotContain(recent.Reference, digest.TextBody);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_nodes_running_the_same_day_at_once_send_exactly_one_digest_per_person(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var mail = await TestMailServer.StartAsync();
        var (totDong, officerId) = await AccountsAsync(database);
        var idleId = await IdOfAsync(database, Idle);
        var hopDong = await PetitionRecords.UnitIdAsync(database, "10072", InspectionDay);
        await PetitionRecords.AddAsync(database,
            PetitionRecords.Case(totDong, new DateOnly(2026, 10, 1), CaseStatus.UnderConsideration, acceptedOn: new DateOnly(2026, 10, 2), dueOn: Today.AddDays(-1), assigneeUserId: officerId),
            PetitionRecords.Case(hopDong, new DateOnly(2026, 10, 1), CaseStatus.UnderConsideration, acceptedOn: new DateOnly(2026, 10, 2), dueOn: Today.AddDays(2), assigneeUserId: idleId));
        await using var one = Node(database, mail);
        await using var other = Node(database, mail);

        var tallies = await Task.WhenAll(
            one.GetRequiredService<DailyDigests>().RunAsync(Today, Cancel),
            other.GetRequiredService<DailyDigests>().RunAsync(Today, Cancel));

        Assert.Equal(2, tallies.Sum(t => t.Created));
        Assert.Equal(2, tallies.Sum(t => t.Emailed));
        Assert.Equal([$"{Idle}@example.org", $"{Officer}@example.org"], mail.Messages.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Notify_digests_makes_the_digests_of_the_date_given_with_the_inbox_as_it_stands_and_skips_an_account_whose_address_was_removed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var mail = await TestMailServer.StartAsync();
        var (totDong, officerId) = await AccountsAsync(database);
        await PetitionRecords.AddAsync(database, PetitionRecords.Case(totDong, new DateOnly(2026, 10, 1), CaseStatus.UnderConsideration,
            acceptedOn: new DateOnly(2026, 10, 2), dueOn: new DateOnly(2026, 11, 20), assigneeUserId: officerId));
        var output = new StringWriter();
        var error = new StringWriter();
        string[] settings = [.. mail.Settings.SelectMany(s => new[] { $"--{s.Key}", s.Value! })];

        var removed = await OversightCli.RunAsync(["users", "set-email", Idle, "none", .. database.SettingsArgs], new StringReader(""), new StringWriter(), error);
        var exitCode = await OversightCli.RunAsync(["notify", "digests", "--date", "2026-12-07", .. settings, .. database.SettingsArgs], new StringReader(""), output, error);
        var again = await OversightCli.RunAsync(["notify", "digests", "--date", "2026-12-07", .. settings, .. database.SettingsArgs], new StringReader(""), new StringWriter(), error);

        // The CLI runs on the real clock: the case, due on 20 Nov 2026, is overdue for its officer and, by more than
        // five working days, escalated to the district's leader, whose digest says so.
        Assert.True(removed == 0 && exitCode == 0 && again == 0, error.ToString());
        Assert.Equal(
            "Digests of 2026-12-07: 2 made, 2 e-mailed.\n"
            + "Skipped: 0 with nothing waiting, 1 without an e-mail address, 0 with digests turned off, 0 already made.\n"
            + "Escalations to leaders: 1 made.\n",
            output.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(2, mail.Messages.Count);
        Assert.All(mail.Messages, m => Assert.Equal("Oversight: việc đang chờ bạn ngày 07/12/2026", m.Subject));
        await using var check = database.SystemScope();
        var keys = await check.ServiceProvider.GetRequiredService<OversightDbContext>().Notifications.Where(n => n.Kind == NotificationKind.Digest).Select(n => n.Key).ToListAsync(Cancel);
        Assert.Equal(["digest:2026-12-07", "digest:2026-12-07"], keys);
    }

    /// <summary>
    /// Officer of Xã Tốt Động, officer of Xã Hợp Đồng (nothing waits for them unless a test adds it) and leader of Huyện
    /// Chương Mỹ, each with an example address; returns Tốt Động's unit id and the officer's account id.
    /// </summary>
    internal static async Task<(Guid TotDong, string OfficerId)> AccountsAsync(TestDatabase database)
    {
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AddAccountAsync(database, Officer, Roles.Officer, "10060", $"{Officer}@example.org");
        await AddAccountAsync(database, Idle, Roles.Officer, "10072", $"{Idle}@example.org");
        await AddAccountAsync(database, Leader, Roles.Leader, "277", $"{Leader}@example.org");
        return (await PetitionRecords.UnitIdAsync(database, "10060", InspectionDay), await IdOfAsync(database, Officer));
    }

    internal static async Task AddAccountAsync(TestDatabase database, string name, string role, string unit, string? email)
    {
        await using var scope = database.SystemScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        Assert.Null(await accounts.AddUserAsync(name, role, unit, InspectionDay, OversightWebFactory.Password));
        Assert.Null(await accounts.SetEmailAsync(name, email));
    }

    internal static async Task<string> IdOfAsync(TestDatabase database, string name)
    {
        await using var scope = database.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Users.SingleAsync(u => u.UserName == name, Cancel)).Id;
    }

    /// <summary>A node of Oversight on the test database and clock, e-mailing through <paramref name="mail"/>.</summary>
    private static ServiceProvider Node(TestDatabase database, TestMailServer mail) => new ServiceCollection()
        .AddLogging()
        .AddSingleton<TimeProvider>(database.Time)
        .AddOversightCore(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).AddInMemoryCollection(mail.Settings).Build())
        .BuildServiceProvider();
}
