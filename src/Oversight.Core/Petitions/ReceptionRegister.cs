using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;

namespace Oversight.Petitions;

/// <summary>What the reception and dialogue registers list: a unit's subtree as of a day, and a period of held dates.</summary>
/// <param name="UnitCode">The unit whose subtree is listed; null for the caller's whole scope.</param>
/// <param name="UnitAsOf">The day the unit code is read on; the period's end when not given.</param>
/// <param name="From">First day held, inclusive.</param>
/// <param name="To">Last day held, inclusive.</param>
public sealed record ReceptionFilter(string? UnitCode, DateOnly? UnitAsOf, DateOnly From, DateOnly To);

/// <summary>A reception session as its register lists it, with how many cases it produced.</summary>
public sealed record SessionRow(
    Guid Id, string Reference, DateOnly HeldOn, string HostName, HostRole HostRole, SessionKind Kind, string UnitName, int Visits, int People, int CaseCount);

/// <summary>A dialogue meeting as its register lists it, with how many cases it discussed.</summary>
public sealed record MeetingRow(Guid Id, string Reference, DateOnly HeldOn, DialogueLevel Level, string UnitName, string Topic, int Participants, int CaseCount);

/// <summary>A case linked to a session or meeting. <c>PetitionerName</c> is always null for a denunciation.</summary>
public sealed record LinkedCase(Guid Id, string Reference, CaseKind Kind, CaseStatus Status, DateOnly ReceivedOn, string Subject, string? PetitionerName);

/// <summary>
/// The read side of reception sessions and dialogue meetings as the caller may see them: the registers, and the
/// cases a session produced or a meeting discussed. A unit outside the caller's scope does not exist for them.
/// </summary>
public sealed class ReceptionRegister(CallerScope scope, OversightDbContext db)
{
    /// <summary>One page (from 1) of <see cref="ListSessionsAsync(ReceptionFilter, HostRole?, RegisterSlice, CancellationToken)"/>.</summary>
    public Task<RegisterPage<SessionRow>?> ListSessionsAsync(ReceptionFilter filter, HostRole? role, int page, int pageSize, CancellationToken cancellationToken = default) =>
        ListSessionsAsync(filter, role, RegisterSlice.OnePage(page, pageSize), cancellationToken);

    /// <summary>The sessions matching the filter, newest first, as far as <paramref name="slice"/> reaches; null when its unit does not exist for the caller.</summary>
    public async Task<RegisterPage<SessionRow>?> ListSessionsAsync(ReceptionFilter filter, HostRole? role, RegisterSlice slice, CancellationToken cancellationToken = default)
    {
        if (await UnitIdsAsync(filter, cancellationToken) is not { } units)
        {
            return null;
        }

        var query = db.ReceptionSessions.AsNoTracking().Where(s => s.HeldOn >= filter.From && s.HeldOn <= filter.To);
        if (units.Ids is { } ids)
        {
            query = query.Where(s => ids.Contains(s.UnitId));
        }

        if (role is { } hostRole)
        {
            query = query.Where(s => s.HostRole == hostRole);
        }

        return await RegisterPage.ReadAsync(
            query.OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id).Select(s => new { Session = s, Cases = db.Cases.Count(c => c.ReceptionSessionId == s.Id) }),
            slice,
            x => new SessionRow(
                x.Session.Id, x.Session.Reference, x.Session.HeldOn, x.Session.HostName, x.Session.HostRole, x.Session.Kind,
                units.NameOf(x.Session.UnitId, x.Session.HeldOn), x.Session.Visits, x.Session.People, x.Cases),
            cancellationToken);
    }

    /// <summary>One page (from 1) of <see cref="ListMeetingsAsync(ReceptionFilter, DialogueLevel?, RegisterSlice, CancellationToken)"/>.</summary>
    public Task<RegisterPage<MeetingRow>?> ListMeetingsAsync(ReceptionFilter filter, DialogueLevel? level, int page, int pageSize, CancellationToken cancellationToken = default) =>
        ListMeetingsAsync(filter, level, RegisterSlice.OnePage(page, pageSize), cancellationToken);

    /// <summary>The meetings matching the filter, newest first, as far as <paramref name="slice"/> reaches; null when its unit does not exist for the caller.</summary>
    public async Task<RegisterPage<MeetingRow>?> ListMeetingsAsync(ReceptionFilter filter, DialogueLevel? level, RegisterSlice slice, CancellationToken cancellationToken = default)
    {
        if (await UnitIdsAsync(filter, cancellationToken) is not { } units)
        {
            return null;
        }

        var query = db.DialogueMeetings.AsNoTracking().Where(m => m.HeldOn >= filter.From && m.HeldOn <= filter.To);
        if (units.Ids is { } ids)
        {
            query = query.Where(m => ids.Contains(m.UnitId));
        }

        if (level is { } wanted)
        {
            query = query.Where(m => m.Level == wanted);
        }

        return await RegisterPage.ReadAsync(
            query.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id)
                .Select(m => new { m.Id, m.Reference, m.HeldOn, m.Level, m.UnitId, m.Topic, m.Participants, Cases = m.Cases.Count }),
            slice,
            m => new MeetingRow(m.Id, m.Reference, m.HeldOn, m.Level, units.NameOf(m.UnitId, m.HeldOn), m.Topic, m.Participants, m.Cases),
            cancellationToken);
    }

    /// <summary>
    /// The last day, up to the filter's end, on which the filter's units held a reception session, or a dialogue
    /// meeting when <paramref name="meetings"/>; null when they held none or the unit does not exist for the caller.
    /// </summary>
    public async Task<DateOnly?> LastHeldOnAsync(ReceptionFilter filter, bool meetings, CancellationToken cancellationToken = default)
    {
        if (await UnitIdsAsync(filter, cancellationToken) is not { } units)
        {
            return null;
        }

        var days = meetings
            ? db.DialogueMeetings.Where(m => m.HeldOn <= filter.To).Select(m => new { m.UnitId, m.HeldOn })
            : db.ReceptionSessions.Where(s => s.HeldOn <= filter.To).Select(s => new { s.UnitId, s.HeldOn });
        if (units.Ids is { } ids)
        {
            days = days.Where(d => ids.Contains(d.UnitId));
        }

        return await days.MaxAsync(d => (DateOnly?)d.HeldOn, cancellationToken);
    }

    /// <summary>The cases received at a session, those the caller may see, by receipt date and register number.</summary>
    public async Task<IReadOnlyList<LinkedCase>> SessionCasesAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        await VisibleAsync(db.Cases.AsNoTracking().Where(c => c.ReceptionSessionId == sessionId), cancellationToken);

    /// <summary>The cases a meeting discussed, those the caller may see, by receipt date and register number.</summary>
    public async Task<IReadOnlyList<LinkedCase>> MeetingCasesAsync(DialogueMeeting meeting, CancellationToken cancellationToken = default)
    {
        var ids = meeting.Cases.Select(link => link.CaseId).ToList();
        return await VisibleAsync(db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)), cancellationToken);
    }

    /// <summary>The name of a unit on a day, for pages that show a single record.</summary>
    public async Task<string> UnitNameAsync(Guid unitId, DateOnly on, CancellationToken cancellationToken = default)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        return graph.NameOn(unitId, on);
    }

    private sealed record Units(IReadOnlySet<Guid>? Ids, Organisation.UnitGraph Graph)
    {
        public string NameOf(Guid unitId, DateOnly on) => Graph.NameOn(unitId, on);
    }

    private async Task<Units?> UnitIdsAsync(ReceptionFilter filter, CancellationToken cancellationToken)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        return SubtreeUnits.Resolve(graph, await scope.FilterAsync(cancellationToken), filter.UnitCode, [filter.UnitAsOf ?? filter.To], throughTime: filter.UnitAsOf is null) is { } units
            ? new Units(units.UnitIds, graph)
            : null;
    }

    private async Task<IReadOnlyList<LinkedCase>> VisibleAsync(IQueryable<CitizenCase> cases, CancellationToken cancellationToken)
    {
        var filter = await scope.FilterAsync(cancellationToken);
        var found = await cases.OrderBy(c => c.ReceivedOn).ThenBy(c => c.Reference)
            .Select(c => new { c.UnitId, Case = new LinkedCase(c.Id, c.Reference, c.Kind, c.Status, c.ReceivedOn, c.Subject, c.Kind == CaseKind.Denunciation ? null : c.PetitionerName) })
            .ToListAsync(cancellationToken);
        return found.Where(c => filter.Contains(c.UnitId)).Select(c => c.Case).ToList();
    }
}
