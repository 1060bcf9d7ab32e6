using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Oversight.Indicators;

/// <summary>What a row of facts counts: records by their cohort day, or the changes of their facts.</summary>
public enum FactAxis : short
{
    /// <summary>Records as they stand on their cohort day, by that day.</summary>
    Cohort = 0,

    /// <summary>Changes of records' facts, by the day of the change.</summary>
    Change = 1,

    /// <summary>The same changes by the cohort day of their record (of sets that count the records in a period).</summary>
    CohortChange = 2,

    /// <summary>The same changes by cohort day and day of change, in a class of the days between them (<see cref="FactBuckets.LagClass"/>).</summary>
    Straddle = 3,
}

/// <summary>
/// A signed count of records of one unit (or of a key of rolled-up facts, <see cref="FactRollups"/>), with the sums of their measures, whose facts match a set of filters (the
/// bits of <see cref="Mask"/>, one per filter of the set's <see cref="SetLayout"/>), in one bucket of days.
/// </summary>
/// <remarks>
/// Every write adds rows (never updates one): the change of a record is the rows of its old facts with a minus sign
/// and the rows of its new facts. <see cref="IndicatorFacts"/> merges the rows of a bucket later (<see cref="Compacted"/>).
/// </remarks>
public sealed class IndicatorFact
{
    /// <summary>The record set's <see cref="IRecordSet.Number"/>.</summary>
    public short RecordSet { get; init; }

    /// <summary>The unit whose records are counted; with <see cref="Rollup"/>, the root of a key of rolled-up facts.</summary>
    public Guid UnitId { get; init; }

    /// <summary>0 for the unit's own records; otherwise the key of rolled-up facts under it (<see cref="RollupKey"/>).</summary>
    public short Rollup { get; init; }

    public FactAxis Axis { get; init; }

    /// <summary>The bucket: 0 a day, 1 a month, 2 a year; for <see cref="FactAxis.Straddle"/> the lag class.</summary>
    public short Level { get; init; }

    /// <summary>The bucket's first day (a cohort day, or a change's day on the <see cref="FactAxis.Change"/> axis).</summary>
    public DateOnly Day { get; init; }

    /// <summary>The day of the change on the <see cref="FactAxis.Straddle"/> axis; null otherwise.</summary>
    public DateOnly? EventDay { get; init; }

    public long Mask { get; init; }

    public long Count { get; init; }

    public long Measure1 { get; init; }

    public long Measure2 { get; init; }

    /// <summary>The row is the only one of its bucket and mask (merged); false for a row a write has just added.</summary>
    public bool Compacted { get; init; }
}

/// <summary>The layout the facts of a record set were built with (<see cref="SetLayout.Signature"/>); facts of another layout are rebuilt.</summary>
public sealed class IndicatorFactSet
{
    public short RecordSet { get; init; }

    public required string Layout { get; set; }

    public DateTimeOffset BuiltAt { get; set; }
}

internal sealed class IndicatorFactConfiguration : IEntityTypeConfiguration<IndicatorFact>
{
    public void Configure(EntityTypeBuilder<IndicatorFact> fact)
    {
        fact.HasNoKey();
        fact.ToTable("IndicatorFacts");
        fact.Property(f => f.Axis).HasConversion<short>();

        // Every query reads ranges of days of one set, unit (or rolled-up key), axis and level; the other columns make the index cover it.
        fact.HasIndex(f => new { f.RecordSet, f.UnitId, f.Rollup, f.Axis, f.Level, f.Day, f.EventDay, f.Mask, f.Count, f.Measure1, f.Measure2 })
            .HasDatabaseName("IX_IndicatorFacts_Buckets");
        fact.HasIndex(f => f.Compacted).HasFilter("NOT \"Compacted\"").HasDatabaseName("IX_IndicatorFacts_Fresh");
    }
}

internal sealed class IndicatorFactSetConfiguration : IEntityTypeConfiguration<IndicatorFactSet>
{
    public void Configure(EntityTypeBuilder<IndicatorFactSet> set)
    {
        set.ToTable("IndicatorFactSets");
        set.HasKey(s => s.RecordSet);
        set.Property(s => s.RecordSet).ValueGeneratedNever();
        set.Property(s => s.Layout).HasMaxLength(64);
    }
}
