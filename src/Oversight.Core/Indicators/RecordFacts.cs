namespace Oversight.Indicators;

/// <summary>A period [From, To], both days included, and the day its state is read on: its end, or today when it has not ended.</summary>
public sealed record IndicatorPeriod(DateOnly From, DateOnly To, DateOnly AsOf)
{
    public static IndicatorPeriod Of(DateOnly from, DateOnly to, DateOnly today) =>
        new(from, to, DateOnly.FromDayNumber(Math.Min(to.DayNumber, today.DayNumber)));

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period of the same length that ends the day before this one starts.</summary>
    public IndicatorPeriod Previous() => new(From.AddDays(-Days), From.AddDays(-1), From.AddDays(-1));
}

/// <summary>Marks a property of a record set's facts that indicators sum (people, visits, attendance…); every other property is a fact to filter on.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MeasureAttribute : Attribute;

/// <summary>
/// What the indicators need to know of one record, or of a group of records that share every fact: the unit the
/// record belongs to, how many records, and the sums of its measures.
/// </summary>
/// <remarks>
/// A record set's query reads each record as facts in the database; grouping those by every fact gives the tallies
/// an indicator sums, so a province's million cases come back as a few thousand rows. Listing the same facts with
/// the record's identity gives the records behind a figure.
/// </remarks>
public abstract class RecordFacts
{
    public Guid UnitId { get; set; }

    /// <summary>The record a page shows (a case, an inspection, the event an attendance belongs to); empty in a tally.</summary>
    public Guid RecordId { get; set; }

    public string? Reference { get; set; }

    public DateOnly? On { get; set; }

    /// <summary>1 for one record; the number of records in a tally.</summary>
    public long Count { get; set; } = 1;
}
