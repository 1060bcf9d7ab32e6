using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>Which cases the register lists. Every filter is optional; together they narrow the list.</summary>
public sealed record CaseFilter
{
    /// <summary>Only cases handled in this unit's subtree (the unit carrying the code on <see cref="UnitAsOf"/>).</summary>
    public string? UnitCode { get; init; }

    /// <summary>The day the unit code and its subtree are read on; default <see cref="ReceivedTo"/>, else today.</summary>
    public DateOnly? UnitAsOf { get; init; }

    public CaseKind? Kind { get; init; }

    public CaseStatus? Status { get; init; }

    /// <summary>True: only open cases (received, accepted, under consideration); false: only closed ones.</summary>
    public bool? Open { get; init; }

    /// <summary>Only open cases whose running deadline has passed (it was before today in Vietnam).</summary>
    public bool Overdue { get; init; }

    /// <summary>Only open cases whose running deadline falls from today to today + N days.</summary>
    public int? DueWithinDays { get; init; }

    /// <summary>First day of receipt, inclusive.</summary>
    public DateOnly? ReceivedFrom { get; init; }

    /// <summary>Last day of receipt, inclusive.</summary>
    public DateOnly? ReceivedTo { get; init; }

    public string? AssigneeUserId { get; init; }

    /// <summary>
    /// Only protracted cases: a repeat of an earlier case, or open and received more than this many days ago
    /// (the threshold comes from the rule pack in force).
    /// </summary>
    public int? ProtractedAfterDays { get; init; }

    /// <summary>Words that must all occur in the reference, subject or (never a denouncer's) name; case, diacritics and đ/Đ ignored.</summary>
    public string? Search { get; init; }

    /// <summary>Only the case given this public tracking code (case ignored): a citizen's code read out to an officer.</summary>
    public string? TrackingCode { get; init; }
}

/// <summary>A case as the register shows it.</summary>
/// <remarks>
/// <c>PetitionerName</c> is always null for a denunciation: a denouncer's identity is never listed.
/// <c>CurrentDueOn</c> is the deadline that runs now (acceptance, then resolution), null once closed;
/// <c>DaysLeft</c> counts the days from today to it, negative when it is overdue by that many days.
/// </remarks>
public sealed record CaseRow(
    Guid Id,
    string Reference,
    CaseKind Kind,
    CaseStatus Status,
    DateOnly ReceivedOn,
    string UnitCode,
    string UnitName,
    string Subject,
    string? PetitionerName,
    int PetitionerCount,
    string? AssigneeName,
    DateOnly? CurrentDueOn,
    bool Overdue,
    int? DaysLeft);

/// <summary>One page of the register (pages count from 1).</summary>
/// <remarks>
/// <c>MatchCount</c> counts the matching cases up to <see cref="CaseRegister.CountCap"/>, or when words are searched up
/// to the end of the page; <c>MatchCountIsCapped</c> is true when more match than that ("1000+", "50+").
/// </remarks>
public sealed record CaseRegisterPage(
    IReadOnlyList<CaseRow> Rows,
    int Page,
    int PageSize,
    bool HasNextPage,
    int MatchCount,
    bool MatchCountIsCapped);

/// <summary>The figures of the "my work" page.</summary>
/// <summary>
/// The case register as the caller may see it: the list behind the register page, "my work" and the API.
/// Newest receipt first; a unit outside the caller's scope does not exist for them.
/// </summary>
/// <remarks>
/// Built for a million cases: a page reads one row more than it shows to know whether another follows, and
/// the count stops at <see cref="CountCap"/> instead of counting the whole filtered set on every page.
/// </remarks>
public sealed class CaseRegister(CallerScope scope, OversightDbContext db, TimeProvider time)
{
    /// <summary>Counts stop here; a page says "1000+" rather than scanning every match.</summary>
    public const int CountCap = 1000;

    public const int MaxPageSize = 200;

    /// <summary>A word search over every case on SQLite first looks among this many newest cases.</summary>
    private const int WordWalkLength = 20_000;

    /// <summary>Up to this many units (a district's communes), each unit's newest cases are read on their own and merged.</summary>
    private const int PerUnitLimit = 64;

    /// <summary>One page (from 1) of the cases matching <paramref name="filter"/>; null when its unit does not exist for the caller.</summary>
    public async Task<CaseRegisterPage?> ListAsync(CaseFilter filter, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var graph = await scope.GraphAsync(cancellationToken);
        var today = VietnamTime.Today(time);
        var units = SubtreeUnits.Resolve(graph, await scope.FilterAsync(cancellationToken), filter.UnitCode, [filter.UnitAsOf ?? filter.ReceivedTo ?? today], throughTime: filter.UnitAsOf is null);
        if (units is null)
        {
            return null;
        }

        var skip = (page - 1) * pageSize;
        var searchesWords = !string.IsNullOrWhiteSpace(filter.Search);
        var tracked = Tracked(filter.TrackingCode, units.UnitIds);

        // Walking every case in date order to find a rare word on SQLite would read the whole table at random (5 s at a
        // million cases): a word in few cases is listed from the trigram index, a common one is met soon in the walk.
        var searchesEveryCaseForWords = tracked is null && searchesWords && units.UnitIds is null && db.Database.IsSqlite();
        var candidates = tracked ?? (searchesEveryCaseForWords ? await CaseSearchIndex.CandidatesAsync(db, filter.Search!, cancellationToken) : null);
        List<ListedCase> found;
        if (tracked is null && units.UnitIds is { Count: > 1 and <= PerUnitLimit } few)
        {
            // Each unit's newest cases from its (UnitId, ReceivedOn) index, merged: an IN list would make SQLite sort the whole subtree.
            var merged = new List<ListedCase>();
            foreach (var unitId in few)
            {
                merged.AddRange(await NewestAsync(Filter(CasesOf(new HashSet<Guid> { unitId }), filter, today), 0, skip + pageSize + 1, cancellationToken));
            }

            found = merged.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).Skip(skip).Take(pageSize + 1).ToList();
        }
        else if (candidates is not null)
        {
            found = await NewestAsync(Filter(candidates, filter, today), skip, pageSize + 1, cancellationToken);
        }
        else if (searchesEveryCaseForWords)
        {
            // Words the trigram index cannot narrow (each shorter than three letters, or in many cases): a word met among
            // the newest cases is listed from the walk; a rarer one is looked for in storage order.
            found = await NewestAsync(Filter(NewestCases(WordWalkLength), filter, today), skip, pageSize + 1, cancellationToken);
            if (found.Count <= pageSize)
            {
                found = await NewestAsync(Filter(CasesInStorageOrder(), filter, today), skip, pageSize + 1, cancellationToken);
            }
        }
        else
        {
            found = await NewestAsync(Filter(CasesOf(units.UnitIds), filter, today), skip, pageSize + 1, cancellationToken);
        }

        var rows = await RowsAsync(graph, found.Take(pageSize).ToList(), today, cancellationToken);
        var counted = candidates ?? (searchesEveryCaseForWords ? CasesInStorageOrder() : CasesOf(units.UnitIds));
        var (count, capped) = await CountAsync(Filter(counted, filter, today), searchesWords, page, pageSize, found.Count, cancellationToken);
        return new CaseRegisterPage(rows, page, pageSize, found.Count > pageSize, count, capped);
    }

    /// <summary>
    /// Every case matching <paramref name="filter"/>, newest receipt first, up to <paramref name="limit"/>: the list an
    /// export writes, as one page whose <c>HasNextPage</c> says that more match; null when its unit does not exist for the caller.
    /// </summary>
    /// <remarks>
    /// Unlike a page it reads the whole match once, in the database's own order of work: a word search over every
    /// case on SQLite starts from the trigram index when it can narrow the words, and reads the table through otherwise.
    /// </remarks>
    public async Task<RegisterPage<CaseRow>?> ListAllAsync(CaseFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var today = VietnamTime.Today(time);
        var units = SubtreeUnits.Resolve(graph, await scope.FilterAsync(cancellationToken), filter.UnitCode, [filter.UnitAsOf ?? filter.ReceivedTo ?? today], throughTime: filter.UnitAsOf is null);
        if (units is null)
        {
            return null;
        }

        var cases = Tracked(filter.TrackingCode, units.UnitIds) ?? (!string.IsNullOrWhiteSpace(filter.Search) && units.UnitIds is null && db.Database.IsSqlite()
            ? await CaseSearchIndex.CandidatesAsync(db, filter.Search, cancellationToken) ?? CasesInStorageOrder()
            : CasesOf(units.UnitIds));
        var found = await NewestAsync(Filter(cases, filter, today), 0, limit + 1, cancellationToken);
        return new RegisterPage<CaseRow>(await RowsAsync(graph, found.Take(limit).ToList(), today, cancellationToken), 1, limit, found.Count > limit);
    }

    /// <summary>How many cases in the caller's whole scope match <paramref name="filter"/> (its unit aside).</summary>
    public async Task<int> CountAsync(CaseFilter filter, CancellationToken cancellationToken = default)
    {
        var units = (await scope.FilterAsync(cancellationToken)).UnitIds;
        return await Filter(CasesOf(units), filter, VietnamTime.Today(time)).CountAsync(cancellationToken);
    }

    /// <summary>The register's rows of these cases: units named as they were on receipt, assignees by their names.</summary>
    private async Task<List<CaseRow>> RowsAsync(UnitGraph graph, IReadOnlyList<ListedCase> cases, DateOnly today, CancellationToken cancellationToken)
    {
        var assigneeIds = cases.Select(c => c.AssigneeUserId).OfType<string>().Distinct().ToList();
        var assignees = assigneeIds.Count == 0
            ? new Dictionary<string, string?>()
            : await db.Users.AsNoTracking().Where(u => assigneeIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.UserName, cancellationToken);
        return cases.Select(c =>
        {
            var unit = graph.At(c.UnitId, c.ReceivedOn) ?? graph.Latest(c.UnitId);
            var due = c.CurrentDueOn;
            int? daysLeft = due is { } day ? day.DayNumber - today.DayNumber : null;
            return new CaseRow(
                c.Id, c.Reference, c.Kind, c.Status, c.ReceivedOn, unit?.Code ?? string.Empty, unit?.Name ?? string.Empty, c.Subject,
                c.PetitionerName, c.PetitionerCount, c.AssigneeUserId is { } id ? assignees.GetValueOrDefault(id) : null, due, daysLeft < 0, daysLeft);
        }).ToList();
    }

    private static Task<List<ListedCase>> NewestAsync(IQueryable<CitizenCase> cases, int skip, int take, CancellationToken cancellationToken) =>
        cases
            .OrderByDescending(c => c.ReceivedOn)
            .ThenByDescending(c => c.Id)
            .Skip(skip)
            .Take(take)
            .Select(c => new ListedCase(
                c.Id,
                c.Reference,
                c.Kind,
                c.Status,
                c.ReceivedOn,
                c.UnitId,
                c.Subject,
                c.Kind == CaseKind.Denunciation ? null : c.PetitionerName,
                c.PetitionerCount,
                c.AssigneeUserId,
                c.CurrentDueOn))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The cases of these units (all cases when null), as a query the database answers without surprises. Newest
    /// first over everything, it walks the receipt-date index and stops as soon as a page is full (SQLite, without
    /// statistics, would rather read a whole status through its index and sort it). For a set of units it reads the
    /// units' cases through the unit index and sorts them: walking the receipt dates instead, as PostgreSQL's
    /// estimates suggest for a few hundred unit ids, reads half the table when the units' cases are old (a district
    /// dissolved in 2025 has none since), so the set is collected first.
    /// </summary>
    private IQueryable<CitizenCase> CasesOf(IReadOnlySet<Guid>? unitIds)
    {
        var sqlite = db.Database.IsSqlite();
        switch (unitIds)
        {
            case null:
                return sqlite ? db.Cases.FromSqlRaw("""SELECT * FROM "Cases" INDEXED BY "IX_Cases_ReceivedOn" """).AsNoTracking() : db.Cases.AsNoTracking();
            case { Count: 1 }:
                var unitId = unitIds.Single();
                return db.Cases.AsNoTracking().Where(c => c.UnitId == unitId);
            default:
                var ids = unitIds.ToArray();
                return sqlite
                    ? db.Cases.FromSqlRaw("""SELECT * FROM "Cases" INDEXED BY "IX_Cases_UnitId_ReceivedOn" """).AsNoTracking().Where(c => ids.Contains(c.UnitId))
                    : db.Cases.FromSql($"""WITH scoped AS MATERIALIZED (SELECT * FROM "Cases" WHERE "UnitId" = ANY({ids})) SELECT * FROM scoped""").AsNoTracking();
        }
    }

    /// <summary>
    /// The case a tracking code names, if it is one of these units' (any unit's when null), looked up through the code's
    /// unique index whatever the units; null when no code is asked for.
    /// </summary>
    private IQueryable<CitizenCase>? Tracked(string? trackingCode, IReadOnlySet<Guid>? unitIds)
    {
        if (trackingCode is null)
        {
            return null;
        }

        var code = trackingCode.Trim().ToUpperInvariant();
        var cases = db.Cases.AsNoTracking().Where(c => c.TrackingCode == code);
        if (unitIds is not null)
        {
            var ids = unitIds.ToArray();
            cases = cases.Where(c => ids.Contains(c.UnitId));
        }

        return cases;
    }

    /// <summary>The newest cases, this many of them, from the receipt-date index (SQLite).</summary>
    private IQueryable<CitizenCase> NewestCases(int count) =>
        db.Cases.FromSql($"""SELECT * FROM "Cases" INDEXED BY "IX_Cases_ReceivedOn" ORDER BY "ReceivedOn" DESC, "Id" DESC LIMIT {count}""").AsNoTracking();

    /// <summary>Every case, read in the order the table stores them (SQLite).</summary>
    private IQueryable<CitizenCase> CasesInStorageOrder() =>
        db.Cases.FromSqlRaw("""SELECT * FROM "Cases" NOT INDEXED""").AsNoTracking();

    /// <summary>
    /// Counts only when the page does not tell already: a last page (not past the end) knows the count. A word search
    /// with more to come says "this many and more": counting further would test the words on every further candidate
    /// (SQLite reads each one's text; PostgreSQL gathers every match from the trigram index).
    /// </summary>
    private static async Task<(int Count, bool Capped)> CountAsync(IQueryable<CitizenCase> cases, bool searchesWords, int page, int pageSize, int foundOnPage, CancellationToken cancellationToken)
    {
        var seen = (page - 1) * pageSize + Math.Min(foundOnPage, pageSize);
        if (foundOnPage <= pageSize && (foundOnPage > 0 || page == 1))
        {
            return (seen, false);
        }

        if (searchesWords && foundOnPage > pageSize)
        {
            return (seen, true);
        }

        var count = await cases.Take(CountCap + 1).CountAsync(cancellationToken);
        return count > CountCap ? (CountCap, true) : (count, false);
    }

    private static IQueryable<CitizenCase> Filter(IQueryable<CitizenCase> cases, CaseFilter filter, DateOnly today)
    {
        if (filter.Kind is { } kind)
        {
            cases = cases.Where(c => c.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (filter.Open is { } open)
        {
            cases = open
                ? cases.Where(c => c.Status == CaseStatus.Received || c.Status == CaseStatus.Accepted || c.Status == CaseStatus.UnderConsideration)
                : cases.Where(c => c.Status != CaseStatus.Received && c.Status != CaseStatus.Accepted && c.Status != CaseStatus.UnderConsideration);
        }

        if (filter.Overdue)
        {
            cases = cases.Where(c => c.CurrentDueOn < today);
        }

        if (filter.DueWithinDays is { } days)
        {
            var last = today.AddDays(days);
            cases = cases.Where(c => c.CurrentDueOn >= today && c.CurrentDueOn <= last);
        }

        if (filter.ReceivedFrom is { } from)
        {
            cases = cases.Where(c => c.ReceivedOn >= from);
        }

        if (filter.ReceivedTo is { } to)
        {
            cases = cases.Where(c => c.ReceivedOn <= to);
        }

        if (filter.AssigneeUserId is { } assignee)
        {
            cases = cases.Where(c => c.AssigneeUserId == assignee);
        }

        if (filter.ProtractedAfterDays is { } threshold)
        {
            var receivedBefore = today.AddDays(-threshold);
            cases = cases.Where(c => c.RepeatOfCaseId != null
                || ((c.Status == CaseStatus.Received || c.Status == CaseStatus.Accepted || c.Status == CaseStatus.UnderConsideration) && c.ReceivedOn < receivedBefore));
        }

        foreach (var word in SearchPattern.FoldedWords(filter.Search))
        {
            // LIKE rather than Contains: PostgreSQL answers it from the trigram index of the search text.
            var pattern = SearchPattern.Containing(word);
            cases = cases.Where(c => EF.Functions.Like(c.SearchText, pattern, SearchPattern.Escape));
        }

        return cases;
    }

    private sealed record ListedCase(
        Guid Id,
        string Reference,
        CaseKind Kind,
        CaseStatus Status,
        DateOnly ReceivedOn,
        Guid UnitId,
        string Subject,
        string? PetitionerName,
        int PetitionerCount,
        string? AssigneeUserId,
        DateOnly? CurrentDueOn);
}
