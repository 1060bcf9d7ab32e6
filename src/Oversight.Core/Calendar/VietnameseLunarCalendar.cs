using System.Globalization;

namespace Oversight.Calendar;

/// <summary>A day of the Vietnamese lunar calendar; <see cref="Year"/> is the lunar year, which begins at Tết.</summary>
public readonly record struct LunarDate(int Day, int Month, int Year, bool IsLeapMonth = false)
{
    /// <summary><c>D/M/YYYY</c>, with <c> leap</c> after a day of a leap month: <c>1/2/2023 leap</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day}/{Month}/{Year}{(IsLeapMonth ? " leap" : "")}");
}

/// <summary>A month of the lunar calendar: its number, whether it is the leap month, its first day and its length (29 or 30).</summary>
public sealed record LunarMonth(int Year, int Number, bool IsLeap, DateOnly FirstDay, int Length);

/// <summary>
/// The Vietnamese lunar calendar (âm lịch), computed for the time zone of Vietnam (UTC+7), for solar dates from
/// <see cref="MinDate"/> to <see cref="MaxDate"/>.
/// </summary>
/// <remarks>
/// The rules: a month begins on the day (UTC+7) of a new moon; the month in which the winter solstice falls is
/// month 11; when twelve lunations do not reach from one month 11 to the next (there are thirteen), the first
/// month after month 11 in which the sun passes no major solar term (a multiple of 30° of longitude) is the leap
/// month and takes the number of the month before it. The new moons and the sun's longitude come from
/// <see cref="Astronomy"/>. Computing for UTC+7 is what makes the Vietnamese calendar differ from the Chinese one
/// (UTC+8) in some years: Tết 1985 is 21 January in Vietnam and 20 February in China, Tết 2007 17 February
/// (China: 18 February).
/// The whole range is computed once, on first use (about 2,500 months, some 0.2 s of processor time); a conversion is
/// then a binary search.
/// </remarks>
public static class VietnameseLunarCalendar
{
    /// <summary>Vietnam's offset from UT, in days.</summary>
    private const double UtcOffset = 7.0 / 24;

    /// <summary><see cref="DateOnly.DayNumber"/> + this = the Julian Day Number of the date.</summary>
    private const int JulianDayOfDayNumberZero = 1721426;

    public static DateOnly MinDate { get; } = new(1900, 1, 1);

    public static DateOnly MaxDate { get; } = new(2100, 12, 31);

    private static readonly MonthTable Months = MonthTable.Build(MinDate.Year, MaxDate.Year + 1);

    /// <summary>Whether <paramref name="date"/> is within the range this calendar converts.</summary>
    public static bool Covers(DateOnly date) => date >= MinDate && date <= MaxDate;

    /// <summary>The lunar date of a solar (Gregorian) date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside <see cref="MinDate"/>..<see cref="MaxDate"/>.</exception>
    public static LunarDate ToLunar(DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date, MinDate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(date, MaxDate);
        var index = Months.IndexOf(date.DayNumber);
        return new LunarDate(date.DayNumber - Months.FirstDays[index] + 1, Months.Numbers[index], Months.Years[index], Months.Leap[index]);
    }

    /// <summary>
    /// The solar date of a lunar date; null when there is no such day (no such leap month that year, day 30 of a
    /// 29-day month) or it falls outside <see cref="MinDate"/>..<see cref="MaxDate"/>.
    /// </summary>
    public static DateOnly? ToSolar(LunarDate date)
    {
        var index = Months.Find(date.Year, date.Month, date.IsLeapMonth);
        if (index < 0 || date.Day < 1 || date.Day > Months.FirstDays[index + 1] - Months.FirstDays[index])
        {
            return null;
        }

        var solar = DateOnly.FromDayNumber(Months.FirstDays[index] + date.Day - 1);
        return Covers(solar) ? solar : null;
    }

    /// <summary>Tết: the first day of lunar year <paramref name="year"/> (1900–2100).</summary>
    public static DateOnly NewYear(int year) =>
        ToSolar(new LunarDate(1, 1, year)) ?? throw new ArgumentOutOfRangeException(nameof(year), year, "outside the years this calendar computes");

    /// <summary>The months of lunar year <paramref name="year"/> in order (12, or 13 with the leap month); empty outside 1900–2100.</summary>
    public static IReadOnlyList<LunarMonth> MonthsOf(int year)
    {
        if (year < MinDate.Year || year > MaxDate.Year)
        {
            return [];
        }

        var months = new List<LunarMonth>(13);
        for (var i = Months.FirstOfYear(year); Months.Years[i] == year; i++)
        {
            months.Add(new LunarMonth(year, Months.Numbers[i], Months.Leap[i], DateOnly.FromDayNumber(Months.FirstDays[i]), Months.FirstDays[i + 1] - Months.FirstDays[i]));
        }

        return months;
    }

    /// <summary>The local (UTC+7) day, as a <see cref="DateOnly.DayNumber"/>, of new moon <paramref name="k"/>.</summary>
    private static int NewMoonDay(int k)
    {
        var jde = Astronomy.NewMoon(k);
        return LocalDay(jde - Astronomy.DeltaT(jde));
    }

    /// <summary>The local day in which instant <paramref name="jd"/> (UT) falls.</summary>
    private static int LocalDay(double jd) => (int)Math.Floor(jd + 0.5 + UtcOffset) - JulianDayOfDayNumberZero;

    /// <summary>Which 30° sector of longitude the sun is in at the local midnight that begins <paramref name="dayNumber"/>: 0 from the vernal equinox, 9 from the winter solstice.</summary>
    private static int SectorAtStartOf(int dayNumber)
    {
        var jd = dayNumber + JulianDayOfDayNumberZero - 0.5 - UtcOffset;
        return (int)(Astronomy.SunApparentLongitude(jd + Astronomy.DeltaT(jd)) / 30);
    }

    /// <summary>The lunation (new moon number) that begins month 11 of the year in whose December it falls: the month of the winter solstice.</summary>
    private static int Month11Lunation(int year)
    {
        var december18 = new DateOnly(year, 12, 18).DayNumber;
        var solsticeDay = december18;
        while (!(SectorAtStartOf(solsticeDay) == 8 && SectorAtStartOf(solsticeDay + 1) == 9))
        {
            solsticeDay++;
        }

        var k = (int)Math.Floor((solsticeDay + JulianDayOfDayNumberZero - Astronomy.FirstNewMoonOf2000) / Astronomy.SynodicMonth);
        while (NewMoonDay(k + 1) <= solsticeDay)
        {
            k++;
        }

        while (NewMoonDay(k) > solsticeDay)
        {
            k--;
        }

        return k;
    }

    /// <summary>Every month from month 11 of <c>firstYear − 1</c> to the last month before month 11 of <c>lastYear</c>, as parallel arrays.</summary>
    private sealed class MonthTable
    {
        /// <summary>The first day of each month as a day number, plus one more: the day after the last month.</summary>
        public required int[] FirstDays { get; init; }

        public required int[] Numbers { get; init; }

        public required bool[] Leap { get; init; }

        public required int[] Years { get; init; }

        private readonly Dictionary<int, int> firstOfYear = [];

        public int Count => Numbers.Length;

        public int FirstOfYear(int year) => firstOfYear[year];

        /// <summary>The index of a month, or -1 when the table has no such month.</summary>
        public int Find(int year, int number, bool isLeap)
        {
            if (!firstOfYear.TryGetValue(year, out var i))
            {
                return -1;
            }

            for (; i < Count && Years[i] == year; i++)
            {
                if (Numbers[i] == number && Leap[i] == isLeap)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The month that contains day <paramref name="dayNumber"/>.</summary>
        public int IndexOf(int dayNumber)
        {
            var found = Array.BinarySearch(FirstDays, dayNumber);
            return found >= 0 ? found : ~found - 1;
        }

        public static MonthTable Build(int firstYear, int lastYear)
        {
            var firstDays = new List<int>();
            var numbers = new List<int>();
            var leap = new List<bool>();
            var years = new List<int>();
            var start = Month11Lunation(firstYear - 1);
            for (var year = firstYear; year <= lastYear; year++)
            {
                // From month 11 of (year − 1) up to month 11 of year: the months 11, 12 of lunar year (year − 1) and 1..10 of year.
                var end = Month11Lunation(year);
                var days = Enumerable.Range(start, end - start + 1).Select(NewMoonDay).ToArray();
                var leapIndex = end - start == 13
                    ? Enumerable.Range(1, 12).First(i => SectorAtStartOf(days[i]) == SectorAtStartOf(days[i + 1]))
                    : -1;
                var number = 11;
                var lunarYear = year - 1;
                for (var i = 0; i < days.Length - 1; i++)
                {
                    var isLeap = i == leapIndex;
                    if (i > 0 && !isLeap)
                    {
                        number = number % 12 + 1;
                        lunarYear = number == 1 ? year : lunarYear;
                    }

                    firstDays.Add(days[i]);
                    numbers.Add(number);
                    leap.Add(isLeap);
                    years.Add(lunarYear);
                }

                start = end;
            }

            firstDays.Add(NewMoonDay(start));
            var table = new MonthTable { FirstDays = [.. firstDays], Numbers = [.. numbers], Leap = [.. leap], Years = [.. years] };
            for (var i = years.Count - 1; i >= 0; i--)
            {
                table.firstOfYear[years[i]] = i;
            }

            return table;
        }
    }
}
