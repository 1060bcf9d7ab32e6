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
/// What the indicators need to know of one record: the unit it belongs to, its facts (to filter on) and measures (to
/// sum), and what identifies it on a page.
/// </summary>
/// <remarks>
/// A record set's query reads each record as facts in the database. An indicator's numerator or denominator is summed
/// there too, as a conditional sum per unit over those facts, so a province's million cases come back as one row per
/// unit. Listing the same facts with the record's identity gives the records behind a figure.
/// </remarks>
public abstract class RecordFacts
{
    public Guid UnitId { get; set; }

    /// <summary>The record a page shows (a case, an inspection, the event an attendance belongs to).</summary>
    public Guid RecordId { get; set; }

    public string? Reference { get; set; }

    public DateOnly? On { get; set; }
}
