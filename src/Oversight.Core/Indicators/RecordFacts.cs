namespace Oversight.Indicators;

/// <summary>A period [From, To], both days included, and the day its state is read on: its end, or today when it has not ended.</summary>
public sealed record IndicatorPeriod(DateOnly From, DateOnly To, DateOnly AsOf)
{
    public static IndicatorPeriod Of(DateOnly from, DateOnly to, DateOnly today) =>
        new(from, to, DateOnly.FromDayNumber(Math.Min(to.DayNumber, today.DayNumber)));

    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly? day) => day >= From && day <= To;

    /// <summary>The period of the same length that ends the day before this one starts.</summary>
    public IndicatorPeriod Previous() => new(From.AddDays(-Days), From.AddDays(-1), From.AddDays(-1));
}

/// <summary>Marks a property of a record set's facts that indicators sum (people, visits, attendance…); every other property is a fact to filter on.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MeasureAttribute : Attribute;

/// <summary>
/// Marks a fact that is the record's state on the day a period is read on (resolved by the end, overdue at the end).
/// </summary>
/// <remarks>
/// A quantity that filters on such a fact does not add up over consecutive periods: a case received in March and
/// resolved in April is not resolved by the end of March, yet it is by the end of the quarter. A quantity over a set
/// whose period takes records by the end (<see cref="RecordCohort.ByEnd"/>) does not add up either.
/// </remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class StateAtEndAttribute : Attribute;

/// <summary>
/// What the indicators need to know of one record: the unit it belongs to, its facts (to filter on) and measures (to
/// sum), and what identifies it on a page.
/// </summary>
/// <remarks>
/// A record set reads each record as a row (the same type as its facts when no fact depends on the day, a row type
/// of its own otherwise), and reads a row as facts on a day: the facts that depend on the day ("resolved by the end")
/// are worked out from the row's dates.
/// </remarks>
public abstract class RecordFacts
{
    public Guid UnitId { get; set; }

    /// <summary>The record a page shows (a case, an inspection, the event an attendance belongs to).</summary>
    public Guid RecordId { get; set; }

    public string? Reference { get; set; }

    /// <summary>The day the record is listed under (received, held, due).</summary>
    public DateOnly? On { get; set; }

    /// <summary>The day that puts the record in a period (<see cref="IRecordSet.Cohort"/>); null when it counts in none.</summary>
    internal DateOnly? Cohort { get; set; }

    /// <summary>The id whose change reads this record again: the record's own, or its group's (an event's attendance).</summary>
    internal Guid Key { get; set; }

    /// <summary>Another record whose change reads this one again (the inspection a follow-up task came from); null when none.</summary>
    internal Guid? DependsOn { get; set; }

    /// <summary>A copy of the row, to read its facts as they stood among other rows.</summary>
    internal RecordFacts Copy() => (RecordFacts)MemberwiseClone();

    /// <summary>Takes the unit, record, reference and day of <paramref name="row"/>.</summary>
    internal void Identify(RecordFacts row)
    {
        UnitId = row.UnitId;
        RecordId = row.RecordId;
        Reference = row.Reference;
        On = row.On;
    }
}
