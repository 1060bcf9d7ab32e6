using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Rules;
using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>A month or week in which a host received citizens on fewer days than the rule in force asked.</summary>
/// <param name="From">First day of the month or week (weeks run Monday to Sunday).</param>
/// <param name="To">Its last day.</param>
/// <param name="Required">Days the rule asks for.</param>
/// <param name="Held">Distinct days the host received citizens.</param>
/// <param name="Rule">The rule in force on <paramref name="From"/>, with its citation.</param>
public sealed record ReceptionShortPeriod(DateOnly From, DateOnly To, int Required, int Held, RuleInForce Rule);

/// <summary>A host who fell short of the reception frequency the rule packs require, with every month or week short.</summary>
/// <param name="HostName">The host as written in the register.</param>
/// <param name="HostPersonId">The host's person record, when the sessions name one.</param>
/// <param name="Role">Party secretary or People's Committee chairman.</param>
/// <param name="Unit">The administrative unit whose level sets the rule (the session's unit or the one it lies under).</param>
/// <param name="Periods">The months or weeks short, in date order.</param>
public sealed record ReceptionShortfall(string HostName, Guid? HostPersonId, HostRole Role, UnitSnapshot Unit, IReadOnlyList<ReceptionShortPeriod> Periods);

/// <summary>
/// Warns when a host falls short of how often the law asks them to receive citizens: rules
/// <c>reception.party-secretary.{level}</c> and <c>reception.committee-chairman.{level}</c>, in days per month or
/// per week, where the level (province, district, commune) is that of the administrative unit the session's unit
/// is or lies under.
/// </summary>
/// <remarks>
/// Each calendar month, and each Monday-to-Sunday week, wholly within the period is checked against the rule in
/// force on its first day, so a pack that changes the rule (Law 136/2025/QH15 from 1 Jul 2026) applies from its
/// date. Hosts are those who held at least one session in the period in a unit of the subtree within the
/// caller's scope; a post-holder who held none is not in the register, so not in the warnings.
/// </remarks>
public sealed class ReceptionFrequency(CallerScope scope, OversightDbContext db, RuleBook ruleBook)
{
    /// <summary>The shortfalls in the subtree of the unit carrying <paramref name="unitCode"/> over [from, to]; null when the unit does not exist then for the caller.</summary>
    public async Task<IReadOnlyList<ReceptionShortfall>?> ShortfallsAsync(string unitCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        if (SubtreeUnits.Resolve(graph, await scope.FilterAsync(cancellationToken), unitCode, [to, from]) is not { Unit: not null } units)
        {
            return null;
        }

        var ids = units.UnitIds?.ToList();
        var query = db.ReceptionSessions.AsNoTracking()
            .Where(s => s.HeldOn >= from && s.HeldOn <= to && (s.HostRole == HostRole.PartySecretary || s.HostRole == HostRole.CommitteeChairman));
        if (ids is not null)
        {
            query = query.Where(s => ids.Contains(s.UnitId));
        }

        var sessions = await query.Select(s => new { s.UnitId, s.HostPersonId, s.HostName, s.HostRole, s.HeldOn }).ToListAsync(cancellationToken);
        var rules = await ruleBook.GetAsync(db, cancellationToken);
        var shortfalls = new List<ReceptionShortfall>();
        var hosts = sessions
            .Select(s => (Session: s, Area: AdministrativeUnit(graph, s.UnitId, s.HeldOn)))
            .Where(x => x.Area is not null)
            .GroupBy(x => (Host: x.Session.HostPersonId?.ToString() ?? VietnameseText.Fold(x.Session.HostName), x.Session.HostRole, x.Area!.Id));
        foreach (var host in hosts)
        {
            var first = host.OrderBy(x => x.Session.HeldOn).First();
            var days = host.Select(x => x.Session.HeldOn).ToHashSet();
            var key = $"reception.{WireNames<HostRole>.ToWire(host.Key.HostRole)}.{Level(first.Area!.Kind)}";
            var periods = Windows(from, to, rules, key)
                .Select(w => new ReceptionShortPeriod(w.From, w.To, (int)Math.Ceiling(w.Rule.Value.Value), days.Count(d => d >= w.From && d <= w.To), w.Rule))
                .Where(p => p.Held < p.Required)
                .ToList();
            if (periods.Count > 0)
            {
                shortfalls.Add(new ReceptionShortfall(first.Session.HostName, first.Session.HostPersonId, host.Key.HostRole, first.Area!, periods));
            }
        }

        return shortfalls
            .OrderBy(s => s.Unit.Code, StringComparer.Ordinal)
            .ThenBy(s => s.Role)
            .ThenBy(s => s.HostName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The months and weeks wholly within [from, to] that the rule <paramref name="key"/> applies to: a month when
    /// the rule in force on its first day counts days per month, a week when the rule in force on its Monday
    /// counts days per week.
    /// </summary>
    private static IEnumerable<(DateOnly From, DateOnly To, RuleInForce Rule)> Windows(DateOnly from, DateOnly to, RuleSet rules, string key)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var last = month.AddMonths(1).AddDays(-1);
            if (month >= from && last <= to && rules.Find(key, month) is { Value.Unit: RuleUnit.DaysPerMonth } monthly)
            {
                yield return (month, last, monthly);
            }

            for (var week = month.AddDays(((int)DayOfWeek.Monday - (int)month.DayOfWeek + 7) % 7); week <= last; week = week.AddDays(7))
            {
                if (week >= from && week.AddDays(6) <= to && rules.Find(key, week) is { Value.Unit: RuleUnit.DaysPerWeek } weekly)
                {
                    yield return (week, week.AddDays(6), weekly);
                }
            }
        }
    }

    /// <summary>The administrative unit a session's unit is, or the nearest one it lies under, on the day.</summary>
    private static UnitSnapshot? AdministrativeUnit(UnitGraph graph, Guid unitId, DateOnly day) =>
        graph.At(unitId, day) is { } unit && unit.Kind.IsAdministrative()
            ? unit
            : graph.Ancestors(unitId, day).LastOrDefault(a => a.Kind.IsAdministrative());

    /// <summary>The level of the rule keys: a ward or town counts as a commune, a special zone too (all commune-level).</summary>
    private static string Level(UnitKind kind) => kind switch
    {
        UnitKind.Province => "province",
        UnitKind.District => "district",
        _ => "commune",
    };
}
