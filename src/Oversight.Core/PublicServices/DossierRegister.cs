using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;

namespace Oversight.PublicServices;

/// <summary>Where a dossier stands today: open (overdue ones among them), or completed (late ones among them).</summary>
public enum DossierState
{
    Open,
    Overdue,
    Completed,
    Late,
}

/// <summary>
/// What the dossier register lists: a unit's subtree (the caller's scope when null) as of <paramref name="UnitAsOf"/>
/// (the period's end, or today, when not given), the days received, and the dossiers' kind and state.
/// </summary>
public sealed record DossierFilter(
    string? UnitCode = null, DateOnly? UnitAsOf = null, DateOnly? From = null, DateOnly? To = null, ServiceLevel? Level = null, DossierChannel? Channel = null, DossierState? State = null);

/// <summary>A dossier as the register lists it; <c>Overdue</c> is open past the day it was due, today.</summary>
public sealed record DossierEntry(
    string Code, string ProcedureCode, string ProcedureName, string Field, ServiceLevel Level, string UnitCode, string Unit, DossierChannel Channel,
    OnlineService OnlineService, DateOnly ReceivedOn, DateOnly DueOn, DateOnly? CompletedOn, DossierResult? Result, byte? Satisfaction, bool Overdue);

/// <summary>
/// The dossiers the caller may see (those received by units in scope), newest first, a page at a time, filtered in the
/// database. The figures over them come from the indicators, never from here.
/// </summary>
public sealed class DossierRegister(OversightDbContext db, CallerScope scope, TimeProvider time)
{
    /// <summary>A page of the register; null when the filter's unit does not exist for the caller.</summary>
    public async Task<RegisterPage<DossierEntry>?> PageAsync(DossierFilter filter, RegisterSlice slice, CancellationToken cancellationToken = default)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var today = VietnamTime.Today(time);
        if (SubtreeUnits.Resolve(graph, await scope.FilterAsync(cancellationToken), filter.UnitCode, [filter.UnitAsOf ?? filter.To ?? today], throughTime: filter.UnitAsOf is null) is not { } units)
        {
            return null;
        }

        var dossiers = db.Dossiers.AsNoTracking();
        if (units.UnitIds?.ToList() is { } unitIds)
        {
            dossiers = dossiers.Where(d => unitIds.Contains(d.UnitId));
        }

        if (filter.From is { } from)
        {
            dossiers = dossiers.Where(d => d.ReceivedOn >= from);
        }

        if (filter.To is { } to)
        {
            dossiers = dossiers.Where(d => d.ReceivedOn <= to);
        }

        if (filter.Level is { } level)
        {
            dossiers = dossiers.Where(d => d.Level == level);
        }

        if (filter.Channel is { } channel)
        {
            dossiers = dossiers.Where(d => d.Channel == channel);
        }

        dossiers = filter.State switch
        {
            DossierState.Open => dossiers.Where(d => d.CompletedOn == null),
            DossierState.Overdue => dossiers.Where(d => d.CompletedOn == null && d.DueOn < today),
            DossierState.Completed => dossiers.Where(d => d.CompletedOn != null),
            DossierState.Late => dossiers.Where(d => d.CompletedOn > d.DueOn),
            _ => dossiers,
        };

        return await RegisterPage.ReadAsync(
            dossiers.OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Code),
            slice,
            d =>
            {
                var unit = graph.At(d.UnitId, d.ReceivedOn) ?? graph.Latest(d.UnitId);
                return new DossierEntry(
                    d.Code, d.ProcedureCode, d.ProcedureName, d.Field, d.Level, unit?.Code ?? string.Empty, unit?.Name ?? string.Empty, d.Channel, d.OnlineService,
                    d.ReceivedOn, d.DueOn, d.CompletedOn, d.Result, d.Satisfaction, d.CompletedOn == null && d.DueOn < today);
            },
            cancellationToken);
    }
}
