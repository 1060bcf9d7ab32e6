using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Oversight.Data;
using Oversight.Organisation;

namespace Oversight.Indicators;

/// <summary>The sums of one set's facts over a period for one mask and one group of units.</summary>
public sealed record FactTotal(short RecordSet, int Group, long Mask, FactAmount Amount);

/// <summary>
/// The facts indicators are computed from, kept in the database per record set, unit, bucket of days and mask: written
/// in the transaction of every change to the records, read for any period and subtree from a few buckets per unit.
/// </summary>
/// <remarks>
/// <para>
/// A record counts in a period by its cohort day (<see cref="IRecordSet.Cohort"/>) with its facts on the day the
/// period's state is read on, <c>t</c> (the period's end, or today while it has not ended). A record's facts change on
/// known days (resolved on the day it closed, overdue the day after its deadline), so they are kept as its facts on its
/// cohort day plus signed changes on the days they change. For a period [F, T] and a set that counts the records
/// received in it, the facts on t are
/// </para>
/// <code>
/// Cohort[F, T] + Change[.., t] − CohortChange[.., F − 1] + Straddle(cohort &lt; F, change &gt; t)
/// </code>
/// <para>
/// the records of the period as they stood on their day, plus every change up to t, minus the changes of records from
/// before the period (which the second term counted up to t, and the last gives back after t). Each range is read from
/// whole years, whole months and days; the last from the changes of records older than the period whose change came
/// after it, in classes of the days between record and change so that only the classes long enough are read. A set
/// that counts the records of every day up to t (a directive's studies) reads Cohort[.., t] + Change[.., t].
/// </para>
/// </remarks>
public sealed class IndicatorFacts(FactLayout layout, UnitGraphCache graphs)
{
    /// <summary>Buckets merged at a time by <see cref="CompactAsync"/>.</summary>
    private const int CompactBatch = 20_000;

    /// <summary>
    /// How long one statement over a whole set's facts may take: a rebuild's merge, a check's sums over a province's
    /// millions of rows (a check after a 5,000,000-row import, its rows not merged yet, passed the 30 s default).
    /// </summary>
    internal static readonly TimeSpan WholeSetStatementTimeout = TimeSpan.FromHours(1);

    private FactLayout Layout => layout;

    /// <summary>Subtrees with more units than this first find which of them keep facts of the sets read.</summary>
    private const int ProbeUnitsAbove = 16;

    /// <summary>Distinct rows gathered before a rebuild, or an import's new records (<see cref="GatheredFacts"/>), writes them.</summary>
    private const int RebuildBatch = 200_000;

    /// <summary>
    /// Reads, before a save, the records the tracked changes touch, as their facts stood; null when no change touches a
    /// record set. <see cref="FactChange.WriteAsync"/> after the save adds the difference to the facts.
    /// </summary>
    internal Task<FactChange?> BeginAsync(OversightDbContext db, ChangeTracker tracker, CancellationToken cancellationToken) =>
        BeginAsync(
            db,
            tracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => (
                    e.Metadata.ClrType,
                    // Only a record whose key is its own id is new when added: the person of a new app installation is not.
                    e.State == EntityState.Added && e.Metadata.FindPrimaryKey()?.Properties.Count == 1,
                    e.Metadata.FindPrimaryKey()?.Properties.Select(p => e.Property(p.Name).CurrentValue).OfType<Guid>().ToArray() ?? []))
                .ToList(),
            cancellationToken);

    /// <summary>
    /// As <see cref="BeginAsync(OversightDbContext, ChangeTracker, CancellationToken)"/>, for rows written without the change tracker
    /// (an import's bulk path): each change the type of the rows, whether they are being created, and their ids.
    /// </summary>
    internal async Task<FactChange?> BeginAsync(
        OversightDbContext db, IReadOnlyList<(Type Type, bool Created, Guid[] Ids)> changed, CancellationToken cancellationToken)
    {
        var sets = layout.Sets.Values
            .Where(s => s.Kept)
            .Select(s => (Layout: s, Ids: changed.Where(c => s.Records.Sources.Contains(c.Type)).SelectMany(c => c.Ids).ToHashSet()))
            .Where(s => s.Ids.Count > 0)
            .ToList();
        if (sets.Count == 0)
        {
            return null;
        }

        // A record being created has no facts yet, and no other writer can reach it.
        var created = changed.Where(c => c.Created).SelectMany(c => c.Ids).ToHashSet();
        var locks = new RecordLocks(db, created);
        await locks.TakeAsync(sets.SelectMany(s => s.Ids), cancellationToken);
        var before = new List<(SetLayout, HashSet<Guid>, IReadOnlyList<RecordFacts>)>();
        foreach (var (setLayout, ids) in sets)
        {
            before.Add((setLayout, ids, created.IsSupersetOf(ids) ? [] : await ReadLockedAsync(db, setLayout.Records, ids, locks, cancellationToken)));
        }

        return new FactChange(this, db, locks, before);
    }

    /// <summary>The facts of records changed in a transaction, as they stood before it; written as a difference once the records are saved.</summary>
    internal sealed class FactChange(
        IndicatorFacts facts, OversightDbContext db, RecordLocks locks, IReadOnlyList<(SetLayout Layout, HashSet<Guid> Ids, IReadOnlyList<RecordFacts> Before)> sets)
    {
        public async Task WriteAsync(CancellationToken cancellationToken)
        {
            var batch = new FactBatch(await facts.RollupsForWriteAsync(db, cancellationToken));
            await AddToAsync(batch, cancellationToken);
            await facts.InsertAsync(db, batch.Drain(compacted: false), cancellationToken);
        }

        /// <summary>Adds the difference to <paramref name="batch"/> instead of writing it.</summary>
        public async Task AddToAsync(FactBatch batch, CancellationToken cancellationToken)
        {
            foreach (var (setLayout, ids, before) in sets)
            {
                foreach (var row in before)
                {
                    batch.Add(setLayout, row, -1);
                }

                // Records read before are read again even when the change unlinked them (a deleted session's cases).
                ids.UnionWith(before.Select(r => r.Key));
                var after = await ReadLockedAsync(db, setLayout.Records, ids, locks, cancellationToken);

                // Records read only now, with the changed ones (the host's other sessions of the day a session moved to):
                // their facts before are worked out among the records as they stood.
                var others = after.Where(r => !ids.Contains(r.Key)).Select(r => r.Copy()).ToList();
                if (others.Count > 0)
                {
                    setLayout.Records.Complete([.. others, .. before.Select(r => r.Copy())]);
                    foreach (var row in others)
                    {
                        batch.Add(setLayout, row, -1);
                    }
                }

                foreach (var row in after)
                {
                    batch.Add(setLayout, row, 1);
                }
            }
        }
    }

    /// <summary>
    /// The facts of records one transaction creates through the bulk path (an import's chunks), worked out from the
    /// new entities themselves and summed together per bucket and mask before they are written: when they reach
    /// <see cref="RebuildBatch"/> rows, and at <see cref="FlushAsync"/> before the transaction commits.
    /// </summary>
    /// <remarks>
    /// A record being created has no facts yet and no other writer can reach it: nothing is read or locked. Written
    /// one chunk of 2,000 dossiers at a time, the rows were some 15 a dossier: the chunk's records fell on a day or two
    /// and hundreds of units, so that few shared a bucket, and writing the rows with their index took most of an
    /// import. Gathered over many chunks, the rows of months, years and rolled-up keys are shared. Written in the
    /// transaction of the records, as every change of facts; on PostgreSQL the facts' table is taken for writing at the
    /// first change, which keeps the structure of rolled-up keys until the transaction ends.
    /// </remarks>
    internal sealed class GatheredFacts(IndicatorFacts facts, OversightDbContext db)
    {
        private FactBatch? batch;

        /// <summary>Adds the facts of <paramref name="created"/>, entities of a set's source whose rows the set works out in memory (<see cref="IRecordSet.RowOfNew"/>).</summary>
        public async Task AddNewAsync<T>(IReadOnlyCollection<T> created, CancellationToken cancellationToken)
            where T : class
        {
            var sets = facts.Layout.Sets.Values.Where(s => s.Kept && s.Records.Sources.Contains(typeof(T))).ToList();
            if (sets.Count == 0 || created.Count == 0)
            {
                return;
            }

            batch ??= new FactBatch(await facts.RollupsForWriteAsync(db, cancellationToken));
            foreach (var setLayout in sets)
            {
                foreach (var entity in created)
                {
                    var row = setLayout.Records.RowOfNew(entity)
                        ?? throw new InvalidOperationException($"{setLayout.Records.Name}: the rows of new {typeof(T).Name} records are read from the database, not gathered.");
                    batch.Add(setLayout, row, 1);
                }
            }

            if (batch.Count >= RebuildBatch)
            {
                await FlushAsync(cancellationToken);
            }
        }

        /// <summary>Writes what is gathered; before the transaction commits.</summary>
        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (batch is { Count: > 0 })
            {
                await facts.InsertAsync(db, batch.Drain(compacted: false), cancellationToken);
            }
        }
    }

    /// <summary>
    /// The keys of rolled-up facts the records' units count in, by the structure committed now. On PostgreSQL the
    /// transaction first takes the facts' table for writing, which a change of the structure waits for (and holds
    /// until it commits, <see cref="HoldForStructureChangeAsync"/>): the structure read then stays the one the rolled-up
    /// facts are kept by until the transaction ends.
    /// </summary>
    private async Task<FactRollups> RollupsForWriteAsync(OversightDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"IndicatorFacts\" IN ROW EXCLUSIVE MODE", cancellationToken);
        }

        return FactRollups.Of(await graphs.GetAsync(db, cancellationToken));
    }

    /// <summary>
    /// Before a save that changes the unit structure, on PostgreSQL: holds every writer of facts until the transaction
    /// ends, so that none writes rolled-up facts by the old structure after <see cref="EnsureRollupsAsync"/> rebuilt them.
    /// </summary>
    internal async Task HoldForStructureChangeAsync(OversightDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"IndicatorFacts\" IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        }
    }

    /// <summary>
    /// After a save that changed the unit structure, in its transaction: when the keys of rolled-up facts changed,
    /// keeps the new ones and rebuilds every rolled-up row from the units' own rows.
    /// </summary>
    internal async Task EnsureRollupsAsync(OversightDbContext db, CancellationToken cancellationToken) =>
        await SyncRollupsAsync(db, FactRollups.Of(await graphs.GetAsync(db, cancellationToken)), [], cancellationToken);

    /// <summary>
    /// Reads the records of <paramref name="ids"/>, having locked them and what they depend on (a case's reception
    /// session), reading again whenever that took a new lock: a writer that changes a session and one that changes its
    /// case take turns, and each reads what the other committed.
    /// </summary>
    private static async Task<IReadOnlyList<RecordFacts>> ReadLockedAsync(
        OversightDbContext db, IRecordSet set, IReadOnlyCollection<Guid> ids, RecordLocks locks, CancellationToken cancellationToken)
    {
        while (true)
        {
            var rows = await set.ReadAsync(db, ids, cancellationToken);
            if (!await locks.TakeAsync(rows.Select(r => r.Key).Concat(rows.Select(r => r.DependsOn).OfType<Guid>()), cancellationToken))
            {
                return rows;
            }
        }
    }

    /// <summary>
    /// Locks on records, held until the transaction ends, so that two writers never both read a record's old facts
    /// before either has written its new ones; writers of other records do not wait. PostgreSQL only: on SQLite one
    /// transaction writes at a time.
    /// </summary>
    internal sealed class RecordLocks(OversightDbContext db, IEnumerable<Guid> created)
    {
        /// <summary>The locks taken, and those of records being created, which no other writer can reach.</summary>
        private readonly HashSet<long> taken = created.Select(KeyOf).ToHashSet();

        /// <summary>Takes the locks of <paramref name="ids"/> not taken yet, in one order for every writer; false when there were none.</summary>
        public async Task<bool> TakeAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
        {
            if (!db.Database.IsNpgsql())
            {
                return false;
            }

            var keys = ids.Select(KeyOf).Where(taken.Add).Order().ToArray();
            if (keys.Length == 0)
            {
                return false;
            }

            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(k) FROM unnest({0}) AS k", [keys], cancellationToken);
            return true;
        }

        private static long KeyOf(Guid id)
        {
            Span<byte> bytes = stackalloc byte[16];
            id.TryWriteBytes(bytes);
            return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
        }
    }

    /// <summary>
    /// The facts of <paramref name="sets"/> summed over the period per set and mask, for each group of units of
    /// <paramref name="groups"/> (a unit and its group; every unit in group 0 when null), by the keys of rolled-up facts of
    /// <paramref name="graph"/> (the request's, read once).
    /// </summary>
    /// <remarks>
    /// The units of a key of rolled-up facts (<see cref="FactRollups"/>) all in one group are read from that key's rows;
    /// the others one by one.
    /// </remarks>
    public async Task<IReadOnlyList<FactTotal>> TotalsAsync(
        OversightDbContext db, UnitGraph graph, IEnumerable<IRecordSet> sets, IndicatorPeriod period, IReadOnlyDictionary<Guid, int>? groups, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<RollupKey, int> keys = new Dictionary<RollupKey, int>();
        var units = groups;
        if (groups is not null)
        {
            (keys, units) = FactRollups.Of(graph).Cover(groups);
        }

        var perOwner = groups is not null && groups.Values.Distinct().Skip(1).Any();
        var single = groups?.Values.FirstOrDefault() ?? 0;
        var totals = new List<FactTotal>();
        foreach (var cohort in sets.Where(s => layout.Sets[s].Kept).GroupBy(s => s.Cohort))
        {
            var sums = await SumAsync(db, cohort.Select(s => s.Number).ToList(), cohort.Key, period, units?.Keys, keys.Keys.ToList(), perOwner, cancellationToken);
            totals.AddRange(sums.Select(t => new FactTotal(
                t.RecordSet,
                !perOwner ? single : t.Rollup == 0 ? units![t.UnitId] : keys[new RollupKey(t.UnitId, t.Rollup)],
                t.Mask,
                new FactAmount(t.Count, t.Measure1, t.Measure2))));
        }

        return totals;
    }

    /// <summary>
    /// Sums the facts of the sets <paramref name="numbers"/> (all of one cohort) over the period, per set and mask, in
    /// one statement: the own rows of <paramref name="units"/> (of every unit when null) and the rows of
    /// <paramref name="keys"/>. When <paramref name="perOwner"/>, per unit and key; otherwise summed together.
    /// </summary>
    private async Task<List<FactPart>> SumAsync(
        OversightDbContext db, IReadOnlyList<short> numbers, RecordCohort cohort, IndicatorPeriod period,
        IEnumerable<Guid>? units, IReadOnlyCollection<RollupKey> keys, bool perOwner, CancellationToken cancellationToken)
    {
        // A list of units goes to the database as one parameter (an array; JSON on SQLite): as one parameter per unit in
        // each range's part, a district's 718 units made some 12,000 parameters to bind and a statement to parse anew.
        var own = units?.ToList();
        if (own is { Count: > ProbeUnitsAbove })
        {
            // Most units of a large subtree keep no facts of these sets (Party bodies, units of another era): one look
            // at the index for each spares reading each of the period's ranges for it.
            own = await db.Units.AsNoTracking()
                .Where(u => EF.Parameter(own).Contains(u.Id) && db.Set<IndicatorFact>().Any(f => numbers.Contains(f.RecordSet) && f.UnitId == u.Id && f.Rollup == 0))
                .Select(u => u.Id)
                .ToListAsync(cancellationToken);
        }

        // The unit of own rows summed together (a parameter: PostgreSQL reads a literal as text in a union).
        var together = Guid.Empty;
        var roots = keys.Select(k => k.Root).Distinct().ToList();
        var rollups = keys.Select(k => k.Rollup).Distinct().ToList();
        IQueryable<FactPart>? parts = null;
        foreach (var (axis, level, from, to, after, sign) in Ranges(cohort, period))
        {
            var range = db.Set<IndicatorFact>().AsNoTracking()
                .Where(f => numbers.Contains(f.RecordSet) && f.Axis == axis && f.Level == level && f.Day >= from && f.Day <= to);
            if (after is { } changedAfter)
            {
                range = range.Where(f => f.EventDay > changedAfter);
            }

            if (own is null || own.Count > 0)
            {
                var ownRows = own is null ? range.Where(f => f.Rollup == 0) : range.Where(f => f.Rollup == 0 && EF.Parameter(own).Contains(f.UnitId));
                parts = Concat(parts, ownRows.Select(f => new FactPart
                {
                    RecordSet = f.RecordSet,
                    UnitId = perOwner ? f.UnitId : together,
                    Rollup = 0,
                    Mask = f.Mask,
                    Count = sign * f.Count,
                    Measure1 = sign * f.Measure1,
                    Measure2 = sign * f.Measure2,
                }));
            }

            if (keys.Count > 0)
            {
                // Every pair of the roots and rollup numbers asked for is read; pairs not asked for are dropped below.
                parts = Concat(parts, range.Where(f => roots.Contains(f.UnitId) && rollups.Contains(f.Rollup)).Select(f => new FactPart
                {
                    RecordSet = f.RecordSet,
                    UnitId = f.UnitId,
                    Rollup = f.Rollup,
                    Mask = f.Mask,
                    Count = sign * f.Count,
                    Measure1 = sign * f.Measure1,
                    Measure2 = sign * f.Measure2,
                }));
            }
        }

        if (parts is null)
        {
            return [];
        }

        var sums = await parts.GroupBy(p => new { p.RecordSet, p.UnitId, p.Rollup, p.Mask })
            .Select(g => new FactPart { RecordSet = g.Key.RecordSet, UnitId = g.Key.UnitId, Rollup = g.Key.Rollup, Mask = g.Key.Mask, Count = g.Sum(p => p.Count), Measure1 = g.Sum(p => p.Measure1), Measure2 = g.Sum(p => p.Measure2) })
            .ToListAsync(cancellationToken);
        var asked = keys.ToHashSet();
        sums.RemoveAll(s => s.Rollup != 0 && !asked.Contains(new RollupKey(s.UnitId, s.Rollup)));
        return perOwner
            ? sums
            : sums.GroupBy(s => (s.RecordSet, s.Mask))
                .Select(g => new FactPart { RecordSet = g.Key.RecordSet, Mask = g.Key.Mask, Count = g.Sum(p => p.Count), Measure1 = g.Sum(p => p.Measure1), Measure2 = g.Sum(p => p.Measure2) })
                .ToList();

        static IQueryable<FactPart> Concat(IQueryable<FactPart>? parts, IQueryable<FactPart> part) => parts is null ? part : parts.Concat(part);
    }

    /// <summary>A row of facts as a part of a sum, signed; and a sum of them (per unit or key, or with neither).</summary>
    private sealed class FactPart
    {
        public short RecordSet { get; init; }

        public Guid UnitId { get; init; }

        public short Rollup { get; init; }

        public long Mask { get; init; }

        public long Count { get; init; }

        public long Measure1 { get; init; }

        public long Measure2 { get; init; }
    }

    /// <summary>A quantity's value in totals: the sum over the masks holding its filter's bit.</summary>
    public long ValueOf(Quantity quantity, IEnumerable<FactTotal> totals)
    {
        var setLayout = layout.Sets[quantity.Records];
        var bit = setLayout.BitOf(quantity);
        return totals.Where(t => t.RecordSet == quantity.Records.Number && (t.Mask & bit) != 0).Sum(t => setLayout.AmountOf(quantity, t.Amount));
    }

    /// <summary>
    /// The records of <paramref name="unitIds"/> (every unit when null) a period takes, as their facts stand on the day
    /// its state is read on, in date order, passing <paramref name="filter"/>.
    /// </summary>
    public async IAsyncEnumerable<RecordFacts> RecordsAsync(
        OversightDbContext db, IRecordSet set, IndicatorPeriod period, IReadOnlyCollection<Guid>? unitIds, Func<RecordFacts, bool> filter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (from, to) = set.Cohort == RecordCohort.InPeriod ? ((DateOnly?)period.From, period.To) : (null, period.AsOf);
        await foreach (var batch in set.ReadAllAsync(db, unitIds, from, to, byDay: true, cancellationToken))
        {
            foreach (var row in batch)
            {
                var facts = set.FactsOn(row, DayOf(row, period));
                if (filter(facts))
                {
                    yield return facts;
                }
            }
        }
    }

    /// <summary>
    /// Counts again, from the records themselves, what the facts give for each unit of <paramref name="unitIds"/> (every
    /// unit when null) over the period, and for each key of rolled-up facts whose units are all among them: for every
    /// quantity of the definitions, the kept value and the recounted one of each unit (rollup 0) or key where they differ.
    /// </summary>
    public async Task<IReadOnlyList<(string Quantity, RollupKey Owner, long Kept, long Recounted)>> CheckAsync(
        OversightDbContext db, IndicatorPeriod period, IReadOnlyCollection<Guid>? unitIds, CancellationToken cancellationToken)
    {
        var rollups = FactRollups.Of(await graphs.GetAsync(db, cancellationToken));
        var keys = rollups.Members.Where(m => unitIds is null || m.Value.All(unitIds.Contains)).Select(m => m.Key).ToList();
        var differences = new List<(string, RollupKey, long, long)>();
        foreach (var setLayout in layout.Sets.Values.Where(s => s.Kept))
        {
            var set = setLayout.Records;
            var quantities = layout.Quantities.Where(q => q.Quantity.Records == set).ToList();
            var kept = (await SumAsync(db, [set.Number], set.Cohort, period, unitIds, keys, perOwner: true, cancellationToken))
                .ToLookup(p => new RollupKey(p.UnitId, p.Rollup), p => new FactTotal(p.RecordSet, 0, p.Mask, new FactAmount(p.Count, p.Measure1, p.Measure2)));
            var sums = new Dictionary<(RollupKey Owner, long Mask), FactAmount>();
            var (from, to) = set.Cohort == RecordCohort.InPeriod ? ((DateOnly?)period.From, period.To) : (null, period.AsOf);
            await foreach (var batch in set.ReadAllAsync(db, unitIds, from, to, byDay: false, cancellationToken))
            {
                foreach (var row in batch)
                {
                    var facts = set.FactsOn(row, DayOf(row, period));
                    var mask = setLayout.MaskOf(facts);
                    foreach (var owner in rollups.KeysOf(row.UnitId).Where(k => unitIds is null || rollups.Members[k].All(unitIds.Contains)).Prepend(new RollupKey(row.UnitId, 0)))
                    {
                        sums[(owner, mask)] = sums.GetValueOrDefault((owner, mask)) + setLayout.AmountOf(facts, 1);
                    }
                }
            }

            var recounted = sums.ToLookup(s => s.Key.Owner, s => new FactTotal(set.Number, 0, s.Key.Mask, s.Value));
            var owners = kept.Select(k => k.Key).Concat(recounted.Select(r => r.Key)).Distinct().OrderBy(o => o.Root).ThenBy(o => o.Rollup);
            foreach (var owner in owners)
            {
                foreach (var (name, quantity) in quantities)
                {
                    var keptValue = ValueOf(quantity, kept[owner]);
                    var recountedValue = ValueOf(quantity, recounted[owner]);
                    if (keptValue != recountedValue)
                    {
                        differences.Add((name, owner, keptValue, recountedValue));
                    }
                }
            }
        }

        return differences;
    }

    /// <summary>
    /// Builds the facts of <paramref name="sets"/> (every set when null; when <paramref name="staleOnly"/>, those of them
    /// built with another layout than the definitions') again from the records, in a transaction of its own that no
    /// other write of facts runs beside, and records the layout they were built with; the rolled-up facts of the other
    /// sets too, when they were kept by other keys than the structure's. Returns the sets rebuilt.
    /// </summary>
    public async Task<IReadOnlyList<IRecordSet>> RebuildAsync(
        OversightDbContext db, IEnumerable<IRecordSet>? sets, bool staleOnly, TimeProvider time, CancellationToken cancellationToken)
    {
        if (staleOnly && (await StaleAsync(db, cancellationToken)).Count == 0
            && await RollupsKeptAsync(db, FactRollups.Of(await graphs.GetAsync(db, cancellationToken)), cancellationToken))
        {
            return [];
        }

        // A set's merge is one statement over all its rows: minutes for a province's millions of cases.
        db.Database.SetCommandTimeout(WholeSetStatementTimeout);
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // Writers of facts wait until the rebuild commits; readers read the facts before it meanwhile.
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"IndicatorFacts\" IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        }

        var chosen = (sets ?? RecordSets.ByName.Values).ToList();
        if (staleOnly)
        {
            var stale = await StaleAsync(db, cancellationToken);
            chosen = chosen.Where(stale.Contains).ToList();
        }

        var rollups = FactRollups.Of(await graphs.GetAsync(db, cancellationToken));
        foreach (var set in chosen)
        {
            await BuildAsync(db, set, rollups, time, cancellationToken);
        }

        await SyncRollupsAsync(db, rollups, chosen.Select(s => s.Number).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return chosen;
    }

    private async Task BuildAsync(OversightDbContext db, IRecordSet set, FactRollups rollups, TimeProvider time, CancellationToken cancellationToken)
    {
        var setLayout = layout.Sets[set];
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"IndicatorFacts\" WHERE \"RecordSet\" = {set.Number}", cancellationToken);
        var batch = new FactBatch(rollups);
        if (setLayout.Kept)
        {
            await foreach (var rows in set.ReadAllAsync(db, null, null, DateOnly.MaxValue, byDay: false, cancellationToken))
            {
                foreach (var row in rows)
                {
                    batch.Add(setLayout, row, 1);
                }

                if (batch.Count >= RebuildBatch)
                {
                    await InsertAsync(db, batch.Drain(compacted: false), cancellationToken);
                }
            }
        }

        await InsertAsync(db, batch.Drain(compacted: false), cancellationToken);
        await MergeAllAsync(db, set, cancellationToken);

        var built = await db.Set<IndicatorFactSet>().SingleOrDefaultAsync(s => s.RecordSet == set.Number, cancellationToken);
        if (built is null)
        {
            db.Set<IndicatorFactSet>().Add(new IndicatorFactSet { RecordSet = set.Number, Layout = setLayout.Signature, BuiltAt = time.GetUtcNow() });
        }
        else
        {
            built.Layout = setLayout.Signature;
            built.BuiltAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Merges every row of <paramref name="set"/> into one per bucket and mask in one pass, when no other writer can add
    /// rows (a rebuild holds the table): merging a batch of buckets at a time would read the fresh rows once per batch.
    /// </summary>
    private static async Task MergeAllAsync(OversightDbContext db, IRecordSet set, CancellationToken cancellationToken)
    {
        var merge = $"""
            CREATE TEMP TABLE merged_facts AS
            SELECT {Columns}, SUM("Count") AS "Count", SUM("Measure1") AS "Measure1", SUM("Measure2") AS "Measure2" FROM "IndicatorFacts"
            WHERE "RecordSet" = {set.Number}
            GROUP BY {Columns}
            HAVING SUM("Count") <> 0 OR SUM("Measure1") <> 0 OR SUM("Measure2") <> 0;
            DELETE FROM "IndicatorFacts" WHERE "RecordSet" = {set.Number};
            INSERT INTO "IndicatorFacts" ({Columns}, "Count", "Measure1", "Measure2", "Compacted")
            SELECT {Columns}, "Count", "Measure1", "Measure2", TRUE FROM merged_facts;
            DROP TABLE merged_facts;
            """;
        await db.Database.ExecuteSqlRawAsync(merge, cancellationToken);
    }

    /// <summary>The keys of rolled-up facts kept in the database are those of <paramref name="rollups"/>.</summary>
    private static async Task<bool> RollupsKeptAsync(OversightDbContext db, FactRollups rollups, CancellationToken cancellationToken)
    {
        var kept = await db.Set<IndicatorFactRollup>().AsNoTracking().Select(r => new { r.UnitId, r.RootId, r.Rollup }).ToListAsync(cancellationToken);
        var wanted = rollups.Rows.Select(r => new { r.UnitId, r.RootId, r.Rollup }).ToHashSet();
        return kept.Count == wanted.Count && kept.All(wanted.Contains);
    }

    /// <summary>
    /// When the keys of rolled-up facts kept differ from <paramref name="rollups"/>, keeps these instead and rebuilds
    /// the rolled-up rows of every set but <paramref name="built"/> (just built with them) from the units' own rows,
    /// in the current transaction. Returns whether they differed.
    /// </summary>
    private static async Task<bool> SyncRollupsAsync(OversightDbContext db, FactRollups rollups, IReadOnlyList<short> built, CancellationToken cancellationToken)
    {
        if (await RollupsKeptAsync(db, rollups, cancellationToken))
        {
            return false;
        }

        await db.Set<IndicatorFactRollup>().ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.RowsAsync(db, rollups.Rows.ToList(), cancellationToken);
        var others = built.Count == 0 ? "" : $" AND f.\"RecordSet\" NOT IN ({string.Join(", ", built)})";
        var rebuild = $"""
            DELETE FROM "IndicatorFacts" AS f WHERE f."Rollup" <> 0{others};
            INSERT INTO "IndicatorFacts" ({Columns}, "Count", "Measure1", "Measure2", "Compacted")
            SELECT f."RecordSet", r."RootId", r."Rollup", f."Axis", f."Level", f."Day", f."EventDay", f."Mask", SUM(f."Count"), SUM(f."Measure1"), SUM(f."Measure2"), TRUE
            FROM "IndicatorFacts" f JOIN "IndicatorFactRollups" r ON r."UnitId" = f."UnitId"
            WHERE f."Rollup" = 0{others}
            GROUP BY f."RecordSet", r."RootId", r."Rollup", f."Axis", f."Level", f."Day", f."EventDay", f."Mask"
            HAVING SUM(f."Count") <> 0 OR SUM(f."Measure1") <> 0 OR SUM(f."Measure2") <> 0;
            """;
        await db.Database.ExecuteSqlRawAsync(rebuild, cancellationToken);
        return true;
    }

    /// <summary>The record sets whose facts were built with another layout than the definitions' (or never built).</summary>
    public async Task<IReadOnlyList<IRecordSet>> StaleAsync(OversightDbContext db, CancellationToken cancellationToken)
    {
        var built = await db.Set<IndicatorFactSet>().AsNoTracking().ToDictionaryAsync(s => s.RecordSet, s => s.Layout, cancellationToken);
        return layout.Sets.Values.Where(s => built.GetValueOrDefault(s.Records.Number) != s.Signature).Select(s => s.Records).ToList();
    }

    /// <summary>
    /// Merges rows a write has added into the one row of their bucket and mask, at most <see cref="CompactBatch"/>
    /// buckets of <paramref name="set"/> (of every set when null) at a time, in the current transaction or its own;
    /// returns whether it found that many (buckets; on PostgreSQL unmerged rows), so that more may be left. Concurrent writes and merges are safe: a merge
    /// takes only rows committed before it, and each row once.
    /// </summary>
    public async Task<bool> CompactAsync(OversightDbContext db, IRecordSet? set, CancellationToken cancellationToken)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await WriteTransaction.BeginAsync(db.Database, cancellationToken) : null;
        try
        {
            var merged = db.Database.IsNpgsql()
                ? (await db.Database.SqlQueryRaw<int>(CompactPostgreSql(set)).ToListAsync(cancellationToken)).Single()
                : await CompactSqliteAsync(db, set, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return merged >= CompactBatch;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private const string Columns = "\"RecordSet\", \"UnitId\", \"Rollup\", \"Axis\", \"Level\", \"Day\", \"EventDay\", \"Mask\"";

    private static string SameBucket(string a, string b, string isNotDistinct) =>
        $"{a}.\"RecordSet\" = {b}.\"RecordSet\" AND {a}.\"UnitId\" = {b}.\"UnitId\" AND {a}.\"Rollup\" = {b}.\"Rollup\" AND {a}.\"Axis\" = {b}.\"Axis\" AND {a}.\"Level\" = {b}.\"Level\" "
        + $"AND {a}.\"Day\" = {b}.\"Day\" AND {a}.\"EventDay\" {isNotDistinct} {b}.\"EventDay\" AND {a}.\"Mask\" = {b}.\"Mask\"";

    /// <summary>
    /// The merge on PostgreSQL, one statement that returns how many unmerged rows it took (run as written: PostgreSQL
    /// takes a WITH that writes only at the top of a statement): the first <see cref="CompactBatch"/> found, and every
    /// row of their buckets.
    /// </summary>
    /// <remarks>
    /// The unmerged rows are taken first and their buckets then: asked for the first distinct buckets of unmerged rows,
    /// PostgreSQL walked the buckets' index from its start past every merged row (2.8 s a statement with 45 million rows
    /// of a large import left to merge, longer as merged rows piled up ahead; 18 ms this way).
    /// </remarks>
    private static string CompactPostgreSql(IRecordSet? set) => $"""
        WITH picked AS (
            SELECT {Columns} FROM "IndicatorFacts"
            WHERE NOT "Compacted"{(set is null ? "" : $" AND \"RecordSet\" = {set.Number}")}
            LIMIT {CompactBatch}),
        fresh AS (
            SELECT DISTINCT {Columns} FROM picked),
        gone AS (
            DELETE FROM "IndicatorFacts" f USING fresh k WHERE {SameBucket("f", "k", "IS NOT DISTINCT FROM")}
            RETURNING f.*),
        kept AS (
            INSERT INTO "IndicatorFacts" ({Columns}, "Count", "Measure1", "Measure2", "Compacted")
            SELECT {Columns}, SUM("Count"), SUM("Measure1"), SUM("Measure2"), TRUE FROM gone
            GROUP BY {Columns}
            HAVING SUM("Count") <> 0 OR SUM("Measure1") <> 0 OR SUM("Measure2") <> 0)
        SELECT COUNT(*)::int AS "Value" FROM picked
        """;

    private static async Task<int> CompactSqliteAsync(OversightDbContext db, IRecordSet? set, CancellationToken cancellationToken)
    {
        // One writer at a time: the rows up to the last one now are all there is to merge. The rows to merge are found
        // through the index of unmerged rows: left to itself, SQLite walks the buckets' index for the DISTINCT, every row
        // of facts, on every merge. Each bucket to merge is then looked up in the buckets' index (CROSS JOIN keeps SQLite
        // from walking every row of facts for each bucket instead).
        var last = await db.Database.SqlQueryRaw<long>("SELECT COALESCE(MAX(rowid), 0) AS \"Value\" FROM \"IndicatorFacts\"").SingleAsync(cancellationToken);
        var gather = $"""
            CREATE TEMP TABLE IF NOT EXISTS fresh_facts AS SELECT {Columns} FROM "IndicatorFacts" LIMIT 0;
            DELETE FROM temp.fresh_facts;
            INSERT INTO temp.fresh_facts SELECT DISTINCT {Columns} FROM "IndicatorFacts" INDEXED BY "IX_IndicatorFacts_Fresh"
            WHERE NOT "Compacted"{(set is null ? "" : $" AND \"RecordSet\" = {set.Number}")} LIMIT {CompactBatch};
            """;
        await db.Database.ExecuteSqlRawAsync(gather, cancellationToken);
        var buckets = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM temp.fresh_facts").SingleAsync(cancellationToken);
        if (buckets > 0)
        {
            var merge = $"""
                INSERT INTO "IndicatorFacts" ({Columns}, "Count", "Measure1", "Measure2", "Compacted")
                SELECT {string.Join(", ", Columns.Split(", ").Select(c => "f." + c))}, SUM(f."Count"), SUM(f."Measure1"), SUM(f."Measure2"), 1
                FROM temp.fresh_facts k CROSS JOIN "IndicatorFacts" f ON {SameBucket("f", "k", "IS")}
                WHERE f.rowid <= {last}
                GROUP BY {string.Join(", ", Columns.Split(", ").Select(c => "f." + c))}
                HAVING SUM(f."Count") <> 0 OR SUM(f."Measure1") <> 0 OR SUM(f."Measure2") <> 0;
                DELETE FROM "IndicatorFacts" WHERE rowid IN (
                    SELECT f.rowid FROM temp.fresh_facts k CROSS JOIN "IndicatorFacts" f ON {SameBucket("f", "k", "IS")} WHERE f.rowid <= {last});
                """;
            await db.Database.ExecuteSqlRawAsync(merge, cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync("DROP TABLE temp.fresh_facts", cancellationToken);
        return buckets;
    }

    /// <summary>Writes rows of facts in the current transaction, in the order of the buckets' index.</summary>
    /// <remarks>
    /// In the order of the index, consecutive rows go to the same pages of it; in the order they were gathered (a
    /// dictionary's), each row went to a page of its own, read again from disk once the index outgrew the database's
    /// cache. A Guid compares as PostgreSQL's uuid and SQLite's text of it do.
    /// </remarks>
    internal Task InsertAsync(OversightDbContext db, List<IndicatorFact> rows, CancellationToken cancellationToken)
    {
        rows.Sort(static (a, b) =>
        {
            var order = a.RecordSet.CompareTo(b.RecordSet);
            order = order != 0 ? order : a.UnitId.CompareTo(b.UnitId);
            order = order != 0 ? order : a.Rollup.CompareTo(b.Rollup);
            order = order != 0 ? order : a.Axis.CompareTo(b.Axis);
            order = order != 0 ? order : a.Level.CompareTo(b.Level);
            order = order != 0 ? order : a.Day.CompareTo(b.Day);
            order = order != 0 ? order : Nullable.Compare(a.EventDay, b.EventDay);
            return order != 0 ? order : a.Mask.CompareTo(b.Mask);
        });
        return BulkInsert.RowsAsync(db, rows, cancellationToken);
    }

    /// <summary>The day a record's facts are read on for a period: the day its state is read on, or the record's own when later.</summary>
    private static DateOnly DayOf(RecordFacts row, IndicatorPeriod period) =>
        row.Cohort is { } cohort && cohort > period.AsOf ? cohort : period.AsOf;

    /// <summary>
    /// The ranges of buckets a period reads, for sets of one cohort (see the remarks of <see cref="IndicatorFacts"/>):
    /// each an axis, a level, a range of bucket starts, the day its changes must come after (straddling changes only)
    /// and the sign it is summed with.
    /// </summary>
    private static IEnumerable<(FactAxis Axis, short Level, DateOnly From, DateOnly To, DateOnly? After, int Sign)> Ranges(RecordCohort cohort, IndicatorPeriod period)
    {
        IEnumerable<(FactAxis, short, DateOnly, DateOnly, DateOnly?, int)> Days(FactAxis axis, DateOnly from, DateOnly to, int sign) =>
            FactBuckets.Cover(from, to).Select(c => (axis, c.Level, c.From, c.To, (DateOnly?)null, sign));

        var t = period.AsOf;
        if (cohort == RecordCohort.ByEnd)
        {
            return [.. Days(FactAxis.Cohort, DateOnly.MinValue, t, 1), .. Days(FactAxis.Change, DateOnly.MinValue, t, 1)];
        }

        var ranges = new List<(FactAxis, short, DateOnly, DateOnly, DateOnly?, int)>();
        ranges.AddRange(Days(FactAxis.Cohort, period.From, period.To, 1));
        ranges.AddRange(Days(FactAxis.Change, DateOnly.MinValue, t, 1));
        ranges.AddRange(Days(FactAxis.CohortChange, DateOnly.MinValue, period.From.AddDays(-1), -1));
        for (short lagClass = 0; lagClass < FactBuckets.LagClasses; lagClass++)
        {
            // A change after t of a record from before the period: the record's day is within the class's longest lag of t.
            var earliest = FactBuckets.Longest(lagClass) is { } longest ? t.AddDays(1 - longest) : DateOnly.MinValue;
            var latest = period.From.AddDays(-1);
            if (earliest <= latest)
            {
                ranges.Add((FactAxis.Straddle, lagClass, earliest, latest, t, 1));
            }
        }

        return ranges;
    }
}
