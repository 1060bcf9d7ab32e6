using System.Reflection;

namespace Oversight.Calendar;

/// <summary>Where a year's days off come from.</summary>
public enum ScheduleOrigin
{
    /// <summary>No official schedule: the Labour Code's public holidays and compensatory days.</summary>
    Statutory,

    /// <summary>The schedule file shipped with Oversight.</summary>
    Shipped,

    /// <summary>A schedule file an administrator loaded into the database; it wins over the shipped one.</summary>
    Loaded,
}

/// <summary>
/// One day off: its date, its name in Vietnamese, whether its date is confirmed, and the decision, notice or
/// article for this day when it is not the year's.
/// </summary>
public sealed record DayOff(DateOnly Date, string Name, bool Verified, string? Source);

/// <summary>
/// The days off and swapped working days of one year, in date order, and where they come from:
/// <see cref="Source"/> is the year's decision or notice (or a note that the Labour Code's days apply), and
/// <see cref="LoadedAt"/> when an administrator loaded the schedule (<see cref="ScheduleOrigin.Loaded"/> only).
/// </summary>
public sealed record HolidayYear(int Year, ScheduleOrigin Origin, string Source, DateTimeOffset? LoadedAt, IReadOnlyList<DayOff> DaysOff, IReadOnlyList<SwappedWorkingDay> WorkingDays);

/// <summary>A schedule for one year and where it came from.</summary>
internal sealed record ScheduleEntry(YearSchedule Schedule, ScheduleOrigin Origin, DateTimeOffset? LoadedAt);

/// <summary>
/// The working days of the state sector for 1900–2100, as of one set of loaded schedules: an immutable snapshot,
/// safe to share between threads and cheap to ask (each year's table is built once, on first use).
/// </summary>
/// <remarks>
/// A day is a working day when it is a swapped working day, or else when it is neither a Saturday, a Sunday nor a
/// day off of its year. A year's days off come from the schedule loaded into the database, else the shipped
/// schedule file, else <see cref="StatutoryHolidays"/>.
/// </remarks>
public sealed class WorkingDayTable
{
    private const int FirstYear = 1900;
    private const int LastYear = 2100;

    private readonly IReadOnlyDictionary<int, ScheduleEntry> schedules;
    private readonly YearDays?[] years = new YearDays?[LastYear - FirstYear + 1];

    internal WorkingDayTable(IReadOnlyDictionary<int, ScheduleEntry> loaded)
    {
        var merged = new Dictionary<int, ScheduleEntry>(Shipped);
        foreach (var (year, entry) in loaded)
        {
            merged[year] = entry;
        }

        schedules = merged;
    }

    /// <summary>The schedule files shipped with Oversight (<c>Calendar/Data/schedule-YYYY.json</c>), by year.</summary>
    internal static IReadOnlyDictionary<int, ScheduleEntry> Shipped { get; } = LoadShipped();

    /// <summary>The days off and swapped working days of <paramref name="year"/> (1900–2100), in date order.</summary>
    public HolidayYear HolidaysOf(int year) => Year(year).Holidays;

    public bool IsWorkingDay(DateOnly date)
    {
        var year = Year(date.Year);
        var index = date.DayOfYear - 1;
        return year.Worked[index] || (!year.Off[index] && !StatutoryHolidays.IsWeekend(date));
    }

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="date"/>: <paramref name="date"/> itself
    /// does not count, whether or not it is a working day, and 0 gives <paramref name="date"/>. So a time limit of
    /// 10 working days from a case received on Friday ends on the tenth working day after that Friday.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative, or the result is past 2100.</exception>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = date;
        for (var left = days; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>
    /// (<paramref name="from"/> excluded, <paramref name="to"/> included), so that
    /// <c>CountWorkingDays(d, AddWorkingDays(d, n)) == n</c>. When <paramref name="to"/> is before
    /// <paramref name="from"/> the count is negative: <c>-CountWorkingDays(to, from)</c>.
    /// </summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -CountWorkingDays(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }

    private YearDays Year(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        return LazyInitializer.EnsureInitialized(ref years[year - FirstYear], () => Build(year));
    }

    private YearDays Build(int year)
    {
        var holidays = schedules.TryGetValue(year, out var entry)
            ? new HolidayYear(
                year,
                entry.Origin,
                entry.Schedule.Source,
                entry.LoadedAt,
                [.. entry.Schedule.DaysOff.SelectMany(p => Enumerable.Range(0, p.To.DayNumber - p.From.DayNumber + 1)
                    .Select(i => new DayOff(p.From.AddDays(i), p.Name, p.Verified, p.Source)))],
                entry.Schedule.WorkingDays)
            : new HolidayYear(year, ScheduleOrigin.Statutory, "Bộ luật Lao động: ngày nghỉ lễ, tết và nghỉ bù theo luật (không có lịch nghỉ chính thức của năm)", null, StatutoryHolidays.Of(year), []);
        var length = DateTime.IsLeapYear(year) ? 366 : 365;
        var off = new bool[length];
        var worked = new bool[length];
        foreach (var day in holidays.DaysOff)
        {
            off[day.Date.DayOfYear - 1] = true;
        }

        foreach (var day in holidays.WorkingDays)
        {
            worked[day.Date.DayOfYear - 1] = true;
        }

        return new YearDays(holidays, off, worked);
    }

    private static Dictionary<int, ScheduleEntry> LoadShipped()
    {
        var assembly = typeof(WorkingDayTable).Assembly;
        const string prefix = "Oversight.Calendar.schedule-";
        var shipped = new Dictionary<int, ScheduleEntry>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var result = HolidayScheduleFile.Read(name, ReadResource(assembly, name));
            var schedule = result.Schedule ?? throw new InvalidOperationException($"A shipped schedule is invalid: {string.Join("; ", result.Errors)}");
            shipped.Add(schedule.Year, new ScheduleEntry(schedule, ScheduleOrigin.Shipped, null));
        }

        return shipped;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    private sealed record YearDays(HolidayYear Holidays, bool[] Off, bool[] Worked);
}
