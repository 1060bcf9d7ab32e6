using System.Diagnostics;
using Oversight.Calendar;

namespace Oversight.Benchmarks;

/// <summary>
/// Target: every day from 1900-01-01 to 2100-12-31 converted solar→lunar in under 1 s in total, the first
/// conversion (which computes the whole table of months from the astronomy) included. Also times deadlines:
/// 10 working days added to every day of 2020–2030, as the case API does on every create.
/// </summary>
internal static class CalendarBenchmark
{
    public static int Run(BenchOptions options)
    {
        var first = VietnameseLunarCalendar.MinDate.DayNumber;
        var days = VietnameseLunarCalendar.MaxDate.DayNumber - first + 1;
        var table = new WorkingDayTable(new Dictionary<int, ScheduleEntry>());
        Console.WriteLine($"Solar→lunar for {days:N0} days (1900–2100), {options.Runs} runs; the first run includes building the month table");
        for (var run = 1; run <= options.Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var check = 0L;
            for (var day = 0; day < days; day++)
            {
                check += VietnameseLunarCalendar.ToLunar(DateOnly.FromDayNumber(first + day)).Day;
            }

            var conversions = clock.Elapsed;
            var start = new DateOnly(2020, 1, 1).DayNumber;
            var deadlines = new DateOnly(2030, 12, 31).DayNumber - start + 1;
            clock.Restart();
            for (var day = 0; day < deadlines; day++)
            {
                check += table.AddWorkingDays(DateOnly.FromDayNumber(start + day), 10).Day;
            }

            var arithmetic = clock.Elapsed;
            Console.WriteLine($"run {run}: all days {conversions.TotalMilliseconds:F1} ms ({days / conversions.TotalSeconds:N0} a second); "
                + $"{deadlines:N0} deadlines of 10 working days {arithmetic.TotalMilliseconds:F1} ms ({deadlines / arithmetic.TotalSeconds:N0} a second) [check {check}]");
        }

        return 0;
    }
}
