using Microsoft.EntityFrameworkCore;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Documents;
using Oversight.Imports;
using Oversight.Organisation;
using Oversight.Petitions;

namespace Oversight.Notifications;

/// <summary>What waits for someone, one kind to a section of the inbox, in the order they are shown.</summary>
public enum InboxKind
{
    /// <summary>New cases of the caller's units, the public channel's included, waiting to be accepted.</summary>
    CasesToAccept,

    /// <summary>Open cases assigned to the caller, past their deadline.</summary>
    MyCasesOverdue,

    /// <summary>Open cases assigned to the caller, due within the inbox's days.</summary>
    MyCasesDueSoon,

    /// <summary>Reports of tasks done that the caller answers for the inspecting body.</summary>
    TasksToVerify,

    /// <summary>Follow-up tasks of the caller's units past their deadline.</summary>
    TasksOverdue,

    /// <summary>Follow-up tasks of the caller's units due within <see cref="AccountabilityRegister.DueSoonDays"/> days.</summary>
    TasksDueSoon,

    /// <summary>Submitted documents the caller reviews.</summary>
    DocumentsToReview,

    /// <summary>The caller's imports that failed in the last <see cref="Inbox.FailedImportDays"/> days.</summary>
    FailedImports,

    /// <summary>Hosts of the caller's units who received citizens less often than the law asks, last month.</summary>
    ReceptionShortfalls,
}

/// <summary>One thing waiting: its register number or name, what it is, its deadline when it has one, and its page.</summary>
/// <param name="Reference">Register number, file name or host's name.</param>
/// <param name="Title">What it is about.</param>
/// <param name="Due">Its deadline; null when it has none.</param>
/// <param name="Link">Its page, from the site's root.</param>
public sealed record InboxItem(string Reference, string Title, DateOnly? Due, string Link);

/// <summary>A section of the inbox: how many things of one kind wait, the first of them, and the register that lists them all.</summary>
/// <param name="Kind">What waits.</param>
/// <param name="Count">How many wait.</param>
/// <param name="Items">The first of them, at most the number asked for.</param>
/// <param name="All">The register listing them all, when there is one.</param>
public sealed record InboxSection(InboxKind Kind, int Count, IReadOnlyList<InboxItem> Items, string? All);

/// <summary>The inbox of the caller on a day.</summary>
/// <param name="Today">The day, in Vietnam.</param>
/// <param name="Days">How far ahead "due soon" looks for cases.</param>
/// <param name="Sections">Every kind, in <see cref="InboxKind"/> order, those with nothing waiting included.</param>
public sealed record InboxView(DateOnly Today, int Days, IReadOnlyList<InboxSection> Sections)
{
    /// <summary>What asks for action now: everything but what is only due soon.</summary>
    public int Waiting => Sections.Where(s => s.Kind is not (InboxKind.MyCasesDueSoon or InboxKind.TasksDueSoon)).Sum(s => s.Count);

    public InboxSection this[InboxKind kind] => Sections.First(s => s.Kind == kind);
}

/// <summary>
/// What waits for the caller and the caller's units, read from the registers the caller may see, each within the
/// caller's scope: the page "Việc của tôi", the count in the header and the daily e-mail digest are this one reading.
/// </summary>
public sealed class Inbox(
    CaseRegister cases, AccountabilityRegister accountability, InspectionDocuments documents, ReceptionFrequency reception,
    CallerScope scope, Caller caller, OversightDbContext db, TimeProvider time)
{
    public const int DefaultDays = 7;

    /// <summary>Failed imports stay in the inbox this many days.</summary>
    public const int FailedImportDays = 7;

    /// <summary>
    /// The caller's inbox with at most <paramref name="shown"/> items a section (0 for the counts alone);
    /// <paramref name="withReception"/> also checks last month's reception frequency, which reads every session of it.
    /// </summary>
    public async Task<InboxView> ReadAsync(int days, int shown, bool withReception, CancellationToken cancellationToken = default)
    {
        var today = VietnamTime.Today(time);
        var sections = new List<InboxSection>
        {
            await CasesAsync(InboxKind.CasesToAccept, new CaseFilter { Status = CaseStatus.Received }, "/cases?unit=&status=received", shown, cancellationToken),
            await CasesAsync(InboxKind.MyCasesOverdue, new CaseFilter { AssigneeUserId = caller.UserId ?? string.Empty, Overdue = true }, "/cases?unit=&mine=true&overdue=true", shown, cancellationToken),
            await CasesAsync(InboxKind.MyCasesDueSoon, new CaseFilter { AssigneeUserId = caller.UserId ?? string.Empty, DueWithinDays = days }, $"/cases?unit=&mine=true&dueWithin={days}", shown, cancellationToken),
        };

        var (toVerify, toVerifyCount) = await accountability.TasksToVerifyAsync(shown, cancellationToken);
        sections.Add(new(InboxKind.TasksToVerify, toVerifyCount, toVerify.Select(TaskItem).ToList(), "/tasks?status=reported"));
        var everything = new AccountabilityFilter(null, null, null, null);
        var warnings = await accountability.TaskWarningsAsync(everything, cancellationToken);
        var overdue = shown == 0 || warnings is not { Overdue: > 0 } ? null : await accountability.TasksAsync(everything, TaskState.Overdue, 1, shown, cancellationToken);
        sections.Add(new(InboxKind.TasksOverdue, warnings?.Overdue ?? 0, overdue?.Rows.Select(TaskItem).ToList() ?? [], "/tasks?status=overdue"));
        sections.Add(new(InboxKind.TasksDueSoon, warnings?.DueSoon ?? 0, [], "/tasks"));

        var review = await documents.ToReviewAsync(cancellationToken);
        sections.Add(new(InboxKind.DocumentsToReview, review.Count,
            review.Take(shown).Select(d => new InboxItem(d.Inspection.Reference, d.Inspection.Title, null, $"/documents/{d.Document.Id}")).ToList(), null));

        var since = time.GetUtcNow().AddDays(-FailedImportDays);
        var failed = db.ImportJobs.AsNoTracking().Where(j => j.RequestedBy == caller.UserId && j.Status == ImportJobStatus.Failed && j.FinishedAt >= since);
        sections.Add(new(InboxKind.FailedImports, await failed.CountAsync(cancellationToken),
            shown == 0 ? [] : (await failed.OrderByDescending(j => j.Id).Take(shown).Select(j => new { j.Id, j.FileName }).ToListAsync(cancellationToken))
                .Select(j => new InboxItem(j.FileName, string.Empty, null, $"/imports/{j.Id}")).ToList(),
            "/imports"));

        if (withReception)
        {
            sections.Add(await ReceptionAsync(today, shown, cancellationToken));
        }

        return new InboxView(today, days, sections);
    }

    private async Task<InboxSection> CasesAsync(InboxKind kind, CaseFilter filter, string all, int shown, CancellationToken cancellationToken)
    {
        var count = await cases.CountAsync(filter, cancellationToken);
        var rows = shown == 0 || count == 0 ? [] : (await cases.ListAsync(filter, 1, shown, cancellationToken))?.Rows ?? [];
        return new(kind, count, rows.OrderBy(r => r.CurrentDueOn).Select(r => new InboxItem(r.Reference, r.Subject, r.CurrentDueOn, $"/cases/{r.Id}")).ToList(), all);
    }

    private static InboxItem TaskItem(TaskRow task) => new(task.Reference, task.Description, task.DueOn, $"/tasks/{task.Id}");

    /// <summary>Last calendar month's shortfalls in the caller's unit; none for an administrator, whose scope is no one unit.</summary>
    private async Task<InboxSection> ReceptionAsync(DateOnly today, int shown, CancellationToken cancellationToken)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var (from, to) = (thisMonth.AddMonths(-1), thisMonth.AddDays(-1));
        var unit = caller.ScopeUnitId is { } id ? graph.At(id, to) ?? graph.Latest(id) : null;
        var shortfalls = unit is null ? null : await reception.ShortfallsAsync(unit.Code, from, to, cancellationToken);
        return new(InboxKind.ReceptionShortfalls, shortfalls?.Count ?? 0,
            (shortfalls ?? []).Take(shown).Select(s => new InboxItem(s.HostName, s.Unit.Name, null, $"/reception?unit={s.Unit.Code}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")).ToList(),
            null);
    }
}
