using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Oversight.Indicators;

/// <summary>
/// What the facts of one record set keep: one bit of a row's mask per distinct filter the definitions put on the set,
/// and the set's measures.
/// </summary>
/// <remarks>
/// A record's facts on a day give its mask, the bits of the filters they match; rows of facts count records per
/// mask, so that a quantity is the sum over the masks holding its bit. A definition with a new filter changes the
/// layout, and the set's facts are rebuilt (<see cref="IndicatorFacts.RebuildAsync"/>, at start).
/// </remarks>
public sealed class SetLayout
{
    /// <summary>Bumped whenever the way facts are worked out from records changes, so that every set is rebuilt.</summary>
    private const int FactsVersion = 1;

    /// <summary>Masks are signed 64-bit integers.</summary>
    public const int MostFilters = 63;

    private readonly FrozenDictionary<string, int> bits;
    private readonly Func<RecordFacts, bool>[] filters;

    internal SetLayout(IRecordSet records, IEnumerable<Quantity> quantities)
    {
        var distinct = quantities.GroupBy(q => q.FilterKey, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        if (distinct.Length > MostFilters)
        {
            throw new InvalidOperationException($"{records.Name}: {distinct.Length} distinct filters; the facts of a record set keep at most {MostFilters}.");
        }

        Records = records;
        bits = distinct.Select((g, i) => (g.Key, i)).ToFrozenDictionary(b => b.Key, b => b.i, StringComparer.Ordinal);
        filters = distinct.Select(g => records.Matches(g.First().Filter)).ToArray();
        var description = $"{FactsVersion}\n{records.Name}\n{string.Join(',', records.Measures)}\n{string.Join('\n', distinct.Select(g => g.Key))}";
        Signature = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(description)));
    }

    public IRecordSet Records { get; }

    /// <summary>Identifies the layout (the filters, the measures and the way facts are worked out).</summary>
    public string Signature { get; }

    /// <summary>The set has facts to keep: some definition counts its records.</summary>
    public bool Kept => filters.Length > 0;

    public long MaskOf(RecordFacts facts)
    {
        var mask = 0L;
        for (var i = 0; i < filters.Length; i++)
        {
            if (filters[i](facts))
            {
                mask |= 1L << i;
            }
        }

        return mask;
    }

    /// <summary>One record (<paramref name="sign"/> 1) or its taking away (-1), with its measures, as a row of facts counts it.</summary>
    public FactAmount AmountOf(RecordFacts facts, int sign) => new(
        sign,
        Records.Measures.Count > 0 ? sign * Records.Measure(facts, 0) : 0,
        Records.Measures.Count > 1 ? sign * Records.Measure(facts, 1) : 0);

    /// <summary>The bit of the quantity's filter in a mask.</summary>
    public long BitOf(Quantity quantity) => 1L << bits[quantity.FilterKey];

    /// <summary>The quantity's share of a row: its count, or the sum of its measure.</summary>
    public long AmountOf(Quantity quantity, FactAmount amount) => quantity.Sum is null
        ? amount.Count
        : Records.Measures[0] == quantity.Sum ? amount.Measure1 : amount.Measure2;
}

/// <summary>The layouts of every record set for a catalog's definitions and validation rules.</summary>
public sealed class FactLayout
{
    public FactLayout(IndicatorCatalog catalog)
    {
        Quantities = catalog.Indicators
            .SelectMany(i => new[] { (i.Code, i.Numerator), (i.Code + " denominator", i.Denominator) })
            .Concat(catalog.Validation.Select(r => (r.Code, r.None)))
            .Where(q => q.Item2 is not null)
            .Select(q => (q.Item1, q.Item2!))
            .ToArray();
        var bySet = Quantities.Select(q => q.Quantity).ToLookup(q => q.Records);
        Sets = RecordSets.ByName.Values.ToFrozenDictionary(set => set, set => new SetLayout(set, bySet[set]));
    }

    /// <summary>Every quantity the definitions and validation rules count, named by its indicator (and " denominator") or rule.</summary>
    public IReadOnlyList<(string Name, Quantity Quantity)> Quantities { get; }

    public IReadOnlyDictionary<IRecordSet, SetLayout> Sets { get; }
}

/// <summary>A count of records and the sums of their two measures.</summary>
public readonly record struct FactAmount(long Count, long Measure1, long Measure2)
{
    public bool IsZero => Count == 0 && Measure1 == 0 && Measure2 == 0;

    public static FactAmount operator +(FactAmount a, FactAmount b) => new(a.Count + b.Count, a.Measure1 + b.Measure1, a.Measure2 + b.Measure2);

    public static FactAmount operator -(FactAmount a) => new(-a.Count, -a.Measure1, -a.Measure2);
}

/// <summary>The buckets of days facts are kept in: days, months and years, and the classes of the days between a record's day and a change.</summary>
public static class FactBuckets
{
    public const short Day = 0;
    public const short Month = 1;
    public const short Year = 2;

    /// <summary>The longest lag of each class but the last (which has no bound): 1–3 days, 4–15, 16–63, 64–255, 256–1,023, 1,024 and more.</summary>
    private static readonly int[] LongestLag = [3, 15, 63, 255, 1023];

    /// <summary>Periods are cut at the end of 9998, so that the next month and year of any day exist.</summary>
    private static readonly DateOnly LastCovered = new(9998, 12, 31);

    public static int LagClasses => LongestLag.Length + 1;

    public static short LagClass(int lag)
    {
        for (short i = 0; i < LongestLag.Length; i++)
        {
            if (lag <= LongestLag[i])
            {
                return i;
            }
        }

        return (short)LongestLag.Length;
    }

    /// <summary>The longest lag of a class; null for the last, which has no bound.</summary>
    public static int? Longest(int lagClass) => lagClass < LongestLag.Length ? LongestLag[lagClass] : null;

    public static DateOnly Start(short level, DateOnly day) => level switch
    {
        Day => day,
        Month => new DateOnly(day.Year, day.Month, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    /// <summary>
    /// The buckets that make up the days [<paramref name="from"/>, <paramref name="to"/>]: days up to the first whole
    /// month, months up to the first whole year, whole years, then months and days again; each as a level and a range
    /// of bucket starts. Empty when <paramref name="from"/> is after <paramref name="to"/>.
    /// </summary>
    public static IEnumerable<(short Level, DateOnly From, DateOnly To)> Cover(DateOnly from, DateOnly to)
    {
        to = DateOnly.FromDayNumber(Math.Min(to.DayNumber, LastCovered.DayNumber));
        if (from > to)
        {
            yield break;
        }

        var monthsFrom = from.Day == 1 ? from : Start(Month, from).AddMonths(1);
        var monthsEnd = Start(Month, to.AddDays(1));
        if (monthsFrom >= monthsEnd)
        {
            yield return (Day, from, to);
            yield break;
        }

        if (from < monthsFrom)
        {
            yield return (Day, from, monthsFrom.AddDays(-1));
        }

        var yearsFrom = monthsFrom.Month == 1 ? monthsFrom : Start(Year, monthsFrom).AddYears(1);
        var yearsEnd = Start(Year, monthsEnd);
        if (yearsFrom >= yearsEnd)
        {
            yield return (Month, monthsFrom, monthsEnd.AddDays(-1));
        }
        else
        {
            if (monthsFrom < yearsFrom)
            {
                yield return (Month, monthsFrom, yearsFrom.AddDays(-1));
            }

            yield return (Year, yearsFrom, yearsEnd.AddDays(-1));
            if (yearsEnd < monthsEnd)
            {
                yield return (Month, yearsEnd, monthsEnd.AddDays(-1));
            }
        }

        if (monthsEnd <= to)
        {
            yield return (Day, monthsEnd, to);
        }
    }
}

/// <summary>Rows of facts being gathered: each record's contribution, signed, summed per bucket and mask, for its unit and each key of rolled-up facts it counts in.</summary>
internal sealed class FactBatch(FactRollups rollups)
{
    private readonly Dictionary<(short Set, Guid Unit, short Rollup, FactAxis Axis, short Level, DateOnly Day, DateOnly? EventDay, long Mask), FactAmount> amounts = [];

    public int Count => amounts.Count;

    /// <summary>Adds a record's facts (<paramref name="sign"/> 1) or takes them away (-1): its mask on its cohort day, and each change of it.</summary>
    public void Add(SetLayout layout, RecordFacts row, int sign)
    {
        if (!layout.Kept || row.Cohort is not { } cohort)
        {
            return;
        }

        var set = layout.Records;
        var owners = rollups.KeysOf(row.UnitId).Prepend(new RollupKey(row.UnitId, 0)).ToArray();
        var facts = set.FactsOn(row, cohort);
        var amount = layout.AmountOf(facts, sign);
        var mask = layout.MaskOf(facts);
        if (mask != 0)
        {
            AddLevels(set.Number, owners, FactAxis.Cohort, cohort, mask, amount);
        }

        foreach (var day in set.ChangeDays(row))
        {
            var next = layout.MaskOf(set.FactsOn(row, day));
            if (next == mask)
            {
                continue;
            }

            if (mask != 0)
            {
                AddChange(set, owners, cohort, day, mask, -amount);
            }

            if (next != 0)
            {
                AddChange(set, owners, cohort, day, next, amount);
            }

            mask = next;
        }
    }

    /// <summary>The rows with something to count, and forgets them.</summary>
    public List<IndicatorFact> Drain(bool compacted)
    {
        var rows = amounts.Where(a => !a.Value.IsZero).Select(a => new IndicatorFact
        {
            RecordSet = a.Key.Set,
            UnitId = a.Key.Unit,
            Rollup = a.Key.Rollup,
            Axis = a.Key.Axis,
            Level = a.Key.Level,
            Day = a.Key.Day,
            EventDay = a.Key.EventDay,
            Mask = a.Key.Mask,
            Count = a.Value.Count,
            Measure1 = a.Value.Measure1,
            Measure2 = a.Value.Measure2,
            Compacted = compacted,
        }).ToList();
        amounts.Clear();
        return rows;
    }

    private void AddChange(IRecordSet set, RollupKey[] owners, DateOnly cohort, DateOnly day, long mask, FactAmount amount)
    {
        AddLevels(set.Number, owners, FactAxis.Change, day, mask, amount);
        if (set.Cohort == RecordCohort.InPeriod)
        {
            AddLevels(set.Number, owners, FactAxis.CohortChange, cohort, mask, amount);
            foreach (var owner in owners)
            {
                Add((set.Number, owner.Root, owner.Rollup, FactAxis.Straddle, FactBuckets.LagClass(day.DayNumber - cohort.DayNumber), cohort, day, mask), amount);
            }
        }
    }

    private void AddLevels(short set, RollupKey[] owners, FactAxis axis, DateOnly day, long mask, FactAmount amount)
    {
        foreach (var owner in owners)
        {
            foreach (var level in new[] { FactBuckets.Day, FactBuckets.Month, FactBuckets.Year })
            {
                Add((set, owner.Root, owner.Rollup, axis, level, FactBuckets.Start(level, day), null, mask), amount);
            }
        }
    }

    private void Add((short, Guid, short, FactAxis, short, DateOnly, DateOnly?, long) key, FactAmount amount) =>
        amounts[key] = amounts.GetValueOrDefault(key) + amount;
}
