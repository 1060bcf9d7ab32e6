using System.Globalization;
using System.Text.Json;
using Oversight.Text;

namespace Oversight.Calendar;

/// <summary>
/// The public holidays of the Labour Code (embedded <c>Calendar/Data/statutory-holidays.json</c>: each Code with
/// its effective dates and citation), for years that have no official schedule.
/// </summary>
/// <remarks>
/// Choices where the law leaves one to the government each year:
/// <list type="bullet">
/// <item>Tết (five days): the last day of the lunar year and days 1–4 of month 1 (<c>firstDay</c>/<c>lastDay</c> in the file).</item>
/// <item>Quốc khánh from 2021 (2 September "and one adjacent day before or after"): the adjacent weekday that
/// touches a weekend, else the day after — 2 September on a Monday → Tuesday 3; Tuesday → Monday 1; Wednesday →
/// Thursday 3; Thursday → Friday 3; Friday → Thursday 1; Saturday → Friday 1; Sunday → Monday 3. This is what the
/// schedules of 2021–2025 chose.</item>
/// <item>Compensatory days (nghỉ bù): Labour Code 2019 art. 111(3) (2012: art. 110(3)) — when the weekly rest day
/// coincides with a holiday, the worker rests on the next working day. The state sector's weekly rest is Saturday
/// and Sunday, so each holiday on a Saturday or Sunday gives the next day that is neither a weekend day, a holiday
/// nor already a compensatory day; it is named "Nghỉ bù" and the holiday's name.</item>
/// </list>
/// Before the first Code in the file (1 May 2013) no holidays are known: only weekends are days off.
/// </remarks>
internal static class StatutoryHolidays
{
    private static readonly IReadOnlyList<LabourCode> Codes = Load();

    /// <summary>The statutory days off of <paramref name="year"/>, compensatory days included, in date order.</summary>
    public static IReadOnlyList<DayOff> Of(int year)
    {
        var holidays = new SortedDictionary<DateOnly, DayOff>();
        foreach (var code in Codes)
        {
            foreach (var rule in code.Holidays)
            {
                foreach (var date in rule.DatesIn(year).Where(code.InForce))
                {
                    holidays.TryAdd(date, new DayOff(date, rule.Name, Verified: true, code.Citation));
                }
            }
        }

        var days = new SortedDictionary<DateOnly, DayOff>(holidays);
        foreach (var holiday in holidays.Values.Where(h => IsWeekend(h.Date)))
        {
            var day = holiday.Date.AddDays(1);
            while (IsWeekend(day) || days.ContainsKey(day))
            {
                day = day.AddDays(1);
            }

            days[day] = holiday with { Date = day, Name = $"Nghỉ bù {holiday.Name}" };
        }

        return [.. days.Values];
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static IReadOnlyList<LabourCode> Load()
    {
        using var stream = typeof(StatutoryHolidays).Assembly.GetManifestResourceStream("Oversight.Calendar.statutory-holidays.json")
            ?? throw new InvalidOperationException("The embedded statutory-holidays.json is missing.");
        var file = JsonSerializer.Deserialize<FileShape>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("statutory-holidays.json is empty.");
        return [.. file.Codes.Select(c => new LabourCode(
            c.Citation,
            Date(c.EffectiveFrom),
            c.EffectiveTo is null ? DateOnly.MaxValue : Date(c.EffectiveTo),
            [.. c.Holidays.Select(HolidayRule.From)]))];
    }

    private static DateOnly Date(string text) =>
        IsoDate.TryParse(text, out var date) ? date : throw new InvalidOperationException($"statutory-holidays.json: '{text}' is not a date");

    private sealed record LabourCode(string Citation, DateOnly From, DateOnly To, IReadOnlyList<HolidayRule> Holidays)
    {
        public bool InForce(DateOnly date) => From <= date && date <= To;
    }

    /// <summary>A holiday: a solar day (<c>MM-DD</c>) or a lunar day (<c>D/M</c>) with days before and after it, or 2 September with its adjacent day.</summary>
    private sealed record HolidayRule(string Name, int Month, int Day, bool Lunar, int FirstDay, int LastDay, bool AdjacentDay)
    {
        public static HolidayRule From(HolidayShape shape)
        {
            var lunar = shape.Lunar is not null;
            var parts = (shape.Lunar?.Split('/') is [var d, var m] ? [m, d] : shape.Solar?.Split('-'))
                ?? throw new InvalidOperationException($"statutory-holidays.json: {shape.Name} has neither 'solar' nor 'lunar'");
            return new HolidayRule(shape.Name, int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture),
                lunar, shape.FirstDay, shape.LastDay, shape.AdjacentDay);
        }

        public IEnumerable<DateOnly> DatesIn(int year)
        {
            var anchor = Lunar
                ? VietnameseLunarCalendar.ToSolar(new LunarDate(Day, Month, year)) ?? throw new InvalidOperationException($"{Name}: no lunar {Day}/{Month} in {year}")
                : new DateOnly(year, Month, Day);
            for (var offset = FirstDay; offset <= LastDay; offset++)
            {
                yield return anchor.AddDays(offset);
            }

            if (AdjacentDay)
            {
                yield return Adjacent(anchor);
            }
        }

        /// <summary>The adjacent weekday that touches a weekend, else the day after (see the class remarks).</summary>
        private static DateOnly Adjacent(DateOnly day)
        {
            var before = day.AddDays(-1);
            var after = day.AddDays(1);
            bool TouchesWeekend(DateOnly d) => !IsWeekend(d) && (IsWeekend(d.AddDays(-1)) || IsWeekend(d.AddDays(1)));
            return TouchesWeekend(after) ? after
                : TouchesWeekend(before) ? before
                : IsWeekend(after) ? before
                : after;
        }
    }

    private sealed record FileShape(IReadOnlyList<CodeShape> Codes);

    private sealed record CodeShape(string Citation, string EffectiveFrom, string? EffectiveTo, IReadOnlyList<HolidayShape> Holidays);

    private sealed record HolidayShape(string Name, string? Solar, string? Lunar, int FirstDay, int LastDay, bool AdjacentDay);
}
