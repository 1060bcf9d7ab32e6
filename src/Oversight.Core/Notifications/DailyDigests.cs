using System.Text;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Oversight.Accounts;
using Oversight.Calendar;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Rules;

namespace Oversight.Notifications;

/// <summary>What one run of the digests did.</summary>
/// <param name="Day">The digests' day.</param>
/// <param name="Created">Digests made (each in the centre of its reader).</param>
/// <param name="Emailed">Of them, those e-mailed.</param>
/// <param name="NothingWaiting">Accounts skipped because nothing waited for them.</param>
/// <param name="NoAddress">Accounts skipped because they have no e-mail address.</param>
/// <param name="DigestsOff">Accounts skipped because their holders turned digests off.</param>
/// <param name="AlreadySent">Accounts skipped because their digest of the day was made before (by this or another node).</param>
/// <param name="Escalations">Escalations made to leaders.</param>
public sealed record DigestTally(DateOnly Day, int Created, int Emailed, int NothingWaiting, int NoAddress, int DigestsOff, int AlreadySent, int Escalations);

/// <summary>
/// The daily digests and the escalations to leaders: for each enabled account with an e-mail address (its own, or that
/// of the person it belongs to) and digests on, its inbox read as that account and, when anything waits, a
/// notification and an e-mail in its language; before them, each case overdue by the working days of
/// <see cref="EscalationRule"/> escalated once to every leader whose scope holds its unit. The background job of the web host and <c>oversight notify digests</c> both run this.
/// </summary>
/// <remarks>
/// Any number of nodes may run it at once: a notification is claimed by inserting it (its key is unique per person)
/// and only the node whose insert succeeded e-mails it.
/// </remarks>
public sealed class DailyDigests(IServiceScopeFactory scopes, MailSettings mail, Mailer mailer, TimeProvider time, ILogger<DailyDigests> logger)
{
    /// <summary>The rule giving after how many working days past its deadline an open case reaches the leaders of its unit.</summary>
    public const string EscalationRule = "case.escalation.leader-after";

    /// <summary>Things listed in an e-mail for each kind; the pages list the rest.</summary>
    public const int Shown = 5;

    private int offLogged;

    /// <summary>
    /// The background job's round: from <paramref name="digestHour"/> o'clock in Vietnam, the day's digests unless a node
    /// made them already; once they are made, the e-mails of that day the mail server refused are tried again each
    /// round. Null when there was nothing to do.
    /// </summary>
    public async Task<DigestTally?> RunDueAsync(int digestHour, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToOffset(VietnamTime.Offset);
        var day = DateOnly.FromDateTime(now.DateTime);
        if (now.Hour < digestHour)
        {
            return null;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            if (await db.DigestRuns.AnyAsync(r => r.Day == day, cancellationToken))
            {
                if (mail.Off is not null || !await db.Notifications.AnyAsync(n => n.Day == day && n.Kind == NotificationKind.Digest && n.EmailedAt == null, cancellationToken))
                {
                    return null;
                }

                var resent = await RunAsync(day, cancellationToken, unsentOnly: true);
                logger.LogInformation("Digests of {Day} e-mailed again: {Tally}", day, resent);
                return resent;
            }
        }

        var tally = await RunAsync(day, cancellationToken);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            await ClaimAsync(db, [new DigestRun { Day = day, FinishedAt = time.GetUtcNow(), Created = tally.Created, Emailed = tally.Emailed }], cancellationToken);
        }

        logger.LogInformation("Digests of {Day}: {Tally}", day, tally);
        return tally;
    }

    /// <summary>
    /// Makes the escalations due today and the digests of <paramref name="day"/> not made yet, and e-mails again those
    /// made earlier that the mail server refused: the day names the digests, their content is the inboxes as they stand
    /// now. With <paramref name="unsentOnly"/>, only the latter.
    /// </summary>
    /// <remarks>
    /// A digest is claimed for sending as it is inserted (its <see cref="Notification.EmailedAt"/> set), and given back
    /// when sending fails; a digest given back is claimed again by one node only, so none is e-mailed twice.
    /// </remarks>
    public async Task<DigestTally> RunAsync(DateOnly day, CancellationToken cancellationToken, bool unsentOnly = false)
    {
        var escalations = unsentOnly ? 0 : await EscalateAsync(VietnamTime.Today(time), cancellationToken);
        List<OversightUser> accounts;
        Dictionary<Guid, string> personAddresses;
        Dictionary<string, (Guid Id, bool Emailed)> made;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            accounts = (await db.Users.AsNoTracking().ToListAsync(cancellationToken)).Where(u => !AccountService.IsDisabled(u)).OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();
            var linked = accounts.Where(u => string.IsNullOrEmpty(u.Email) && u.PersonId is not null).Select(u => u.PersonId!.Value).ToList();
            personAddresses = await db.People.Where(p => linked.Contains(p.Id) && p.Email != null).ToDictionaryAsync(p => p.Id, p => p.Email!, cancellationToken);
            var key = Notification.DigestKey(day);
            made = (await db.Notifications.Where(n => n.Key == key).Select(n => new { n.UserId, n.Id, n.EmailedAt }).ToListAsync(cancellationToken))
                .ToDictionary(n => n.UserId, n => (n.Id, n.EmailedAt != null), StringComparer.Ordinal);
        }

        var (created, emailed, nothing, noAddress, off, already) = (0, 0, 0, 0, 0, 0);
        SmtpClient? connection = null;
        try
        {
            foreach (var account in accounts)
            {
                var hasEarlier = made.TryGetValue(account.Id, out var earlier);
                if (unsentOnly && (!hasEarlier || earlier.Emailed))
                {
                    continue;
                }

                if (!account.ReceivesDigests)
                {
                    off++;
                    continue;
                }

                // The account's own address, else that of the person it belongs to.
                var address = string.IsNullOrEmpty(account.Email) && account.PersonId is { } person ? personAddresses.GetValueOrDefault(person) : account.Email;
                if (string.IsNullOrEmpty(address))
                {
                    noAddress++;
                    continue;
                }

                var refused = hasEarlier && !earlier.Emailed && mail.Off is null ? earlier.Id : (Guid?)null;
                if (hasEarlier && refused is null)
                {
                    already++;
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                var outcome = await DigestAsync(scope.ServiceProvider, account, day, cancellationToken);
                if (outcome is not { } digest)
                {
                    nothing++;
                    continue;
                }

                var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
                var claimedAt = time.GetUtcNow();
                var notificationId = refused ?? digest.Notification.Id;
                if (refused is not null)
                {
                    // Made by an earlier round, which could not e-mail it: sent by whichever node takes it back first.
                    if (await db.Notifications.Where(n => n.Id == notificationId && n.EmailedAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, claimedAt), cancellationToken) == 0)
                    {
                        already++;
                        continue;
                    }
                }
                else
                {
                    digest.Notification.EmailedAt = mail.Off is null ? claimedAt : null;
                    if (await ClaimAsync(db, [digest.Notification], cancellationToken) == 0)
                    {
                        already++;
                        continue;
                    }

                    created++;
                }

                if (mail.Off is { } reason)
                {
                    if (Interlocked.Exchange(ref offLogged, 1) == 0)
                    {
                        logger.LogWarning("Digests are kept on the notifications page and not e-mailed: {Reason}.", reason);
                    }

                    continue;
                }

                try
                {
                    connection ??= await mailer.ConnectAsync(cancellationToken);
                    await connection.SendAsync(mailer.Message(address, account.DisplayName, digest.Notification.Subject, digest.Body), cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "The digest of {Day} to account {User} was not e-mailed; it is on the notifications page, and the next round tries again.", day, account.UserName);
                    await db.Notifications.Where(n => n.Id == notificationId).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, (DateTimeOffset?)null), CancellationToken.None);
                    connection?.Dispose();
                    connection = null;
                    continue;
                }

                emailed++;
                var sentAt = time.GetUtcNow();
                List<Guid> sent = [notificationId, .. digest.Escalations];
                await db.Notifications.Where(n => sent.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, sentAt), CancellationToken.None);
            }
        }
        finally
        {
            if (connection is not null)
            {
                if (connection.IsConnected)
                {
                    await connection.DisconnectAsync(true, CancellationToken.None);
                }

                connection.Dispose();
            }
        }

        return new DigestTally(day, created, emailed, nothing, noAddress, off, already, escalations);
    }

    /// <summary>The digest and the e-mail of one account, read as that account; null when nothing waits for it.</summary>
    private async Task<(Notification Notification, string Body, IReadOnlyList<Guid> Escalations)?> DigestAsync(
        IServiceProvider services, OversightUser account, DateOnly day, CancellationToken cancellationToken)
    {
        if (await services.ActAsAsync(account.Id) is null)
        {
            return null;
        }

        var view = await services.GetRequiredService<Inbox>().ReadAsync(Inbox.DefaultDays, Shown, withReception: true, cancellationToken);
        var db = services.GetRequiredService<OversightDbContext>();
        var escalations = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == account.Id && n.Kind == NotificationKind.Escalation && n.ReadAt == null && n.EmailedAt == null)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.Subject, n.Link })
            .ToListAsync(cancellationToken);
        var sections = view.Sections.Where(s => s.Count > 0).ToList();
        if (sections.Count == 0 && escalations.Count == 0)
        {
            return null;
        }

        var texts = NotificationTexts.Of(account.Language);
        string Line(InboxSection section) => texts[$"Inbox.{section.Kind}", texts.Number(section.Count), texts.Number(view.Days)];
        var summary = new List<string>();
        var body = new StringBuilder()
            .AppendLine(texts["Digest.Greeting", account.DisplayName ?? account.UserName ?? string.Empty]).AppendLine()
            .AppendLine(texts["Digest.Intro", texts.Date(day)]);
        if (escalations.Count > 0)
        {
            summary.Add(texts["Inbox.Escalations", texts.Number(escalations.Count)]);
            body.AppendLine().AppendLine(summary[^1]);
            foreach (var escalation in escalations.Take(Shown))
            {
                body.AppendLine("- " + escalation.Subject).AppendLine("  " + mail.Link(escalation.Link));
            }

            if (escalations.Count > Shown)
            {
                body.AppendLine(texts["Digest.All", texts.Number(escalations.Count), mail.Link("/notifications")]);
            }
        }

        foreach (var section in sections)
        {
            summary.Add(Line(section));
            body.AppendLine().AppendLine(summary[^1]);
            foreach (var item in section.Items)
            {
                var what = string.Join(" — ", new[] { item.Title, item.Due is { } due ? texts.Due(due, view.Today) : string.Empty }.Where(t => t.Length > 0));
                body.AppendLine(what.Length > 0 ? $"- {item.Reference}: {what}" : "- " + item.Reference).AppendLine("  " + mail.Link(item.Link));
            }

            if (section.All is { } all && section.Count > section.Items.Count)
            {
                body.AppendLine(texts["Digest.All", texts.Number(section.Count), mail.Link(all)]);
            }
        }

        body.AppendLine().AppendLine(texts["Digest.Open", mail.Link("/work")])
            .AppendLine().AppendLine("--").AppendLine(texts["Digest.Footer", mail.Link("/account/notifications")]);
        var notification = new Notification
        {
            UserId = account.Id,
            Key = Notification.DigestKey(day),
            Kind = NotificationKind.Digest,
            Day = day,
            CreatedAt = time.GetUtcNow(),
            Subject = texts["Digest.Subject", texts.Date(day)],
            Text = string.Join('\n', summary),
            Link = "/work",
        };
        return (notification, body.ToString(), escalations.Select(e => e.Id).ToList());
    }

    /// <summary>
    /// Escalates each open case overdue by at least the working days of <see cref="EscalationRule"/> on
    /// <paramref name="day"/> (today) to every enabled leader whose scope holds its handling unit, once; returns how many
    /// escalations were made. No rule in force: none.
    /// </summary>
    private async Task<int> EscalateAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<OversightDbContext>();
        if ((await services.GetRequiredService<RuleBook>().GetAsync(db, cancellationToken)).Find(EscalationRule, day) is not { } rule)
        {
            return 0;
        }

        var after = rule.Days;
        var calendar = await services.GetRequiredService<WorkingCalendar>().TableAsync(cancellationToken);
        var latestDue = day.AddDays(-after);
        var late = (await db.Cases.AsNoTracking()
                .Where(c => c.CurrentDueOn != null && c.CurrentDueOn <= latestDue)
                .Select(c => new { c.Id, c.Reference, c.Subject, c.UnitId, Due = c.CurrentDueOn!.Value })
                .ToListAsync(cancellationToken))
            .Select(c => (Case: c, Days: rule.Value.Unit == RuleUnit.WorkingDays ? calendar.CountWorkingDays(c.Due, day) : day.DayNumber - c.Due.DayNumber))
            .Where(c => c.Days >= after)
            .ToList();
        if (late.Count == 0)
        {
            return 0;
        }

        var leaderIds = db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Leader), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
        var leaders = (await db.Users.AsNoTracking().Where(u => leaderIds.Contains(u.Id) && u.ScopeUnitId != null).ToListAsync(cancellationToken))
            .Where(u => !AccountService.IsDisabled(u)).ToList();
        var ids = leaders.Select(l => l.Id).ToList();
        var existing = (await db.Notifications.Where(n => n.Kind == NotificationKind.Escalation && ids.Contains(n.UserId)).Select(n => new { n.UserId, n.Key }).ToListAsync(cancellationToken))
            .Select(n => (n.UserId, n.Key)).ToHashSet();
        var graph = await services.GetRequiredService<UnitGraphCache>().GetAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        var escalations = new List<Notification>();
        foreach (var leader in leaders)
        {
            var scopeUnits = graph.Scope(leader.ScopeUnitId!.Value);
            var texts = NotificationTexts.Of(leader.Language);
            foreach (var (c, days) in late.Where(l => scopeUnits.Contains(l.Case.UnitId) && !existing.Contains((leader.Id, Notification.EscalationKey(l.Case.Id)))))
            {
                var unit = graph.At(c.UnitId, day) ?? graph.Latest(c.UnitId);
                escalations.Add(new Notification
                {
                    UserId = leader.Id,
                    Key = Notification.EscalationKey(c.Id),
                    Kind = NotificationKind.Escalation,
                    Day = day,
                    CreatedAt = now,
                    Subject = texts["Escalation.Subject", c.Reference, texts.Number(days)],
                    Text = texts["Escalation.Text", c.Subject, unit?.Name ?? string.Empty, texts.Number(days), texts.Date(c.Due), texts.Number(after)],
                    Link = $"/cases/{c.Id}",
                });
            }
        }

        return await ClaimAsync(db, escalations, cancellationToken);
    }

    /// <summary>
    /// Inserts rows whose keys are unique, all at once or, when another writer got one of them first, one by one,
    /// leaving out those already there; returns how many this call inserted.
    /// </summary>
    private static async Task<int> ClaimAsync<T>(OversightDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        if (await TryInsertAsync(db, rows, cancellationToken))
        {
            return rows.Count;
        }

        if (rows.Count == 1)
        {
            return 0;
        }

        var inserted = 0;
        foreach (var row in rows)
        {
            inserted += await TryInsertAsync(db, [row], cancellationToken) ? 1 : 0;
        }

        return inserted;
    }

    private static async Task<bool> TryInsertAsync<T>(OversightDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        db.Set<T>().AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
