namespace Oversight.Calendar;

/// <summary>A year's official state-sector schedule of days off, as loaded by an administrator.</summary>
/// <remarks>A loaded year replaces the file shipped with Oversight for that year.</remarks>
public sealed class HolidaySchedule
{
    public int Year { get; init; }

    /// <summary>The decision or notice the schedule comes from.</summary>
    public required string Source { get; set; }

    /// <summary>The schedule file (JSON).</summary>
    public required string Content { get; set; }

    public DateTimeOffset LoadedAt { get; set; }
}
