using Oversight.Calendar;

namespace Oversight.Tests.Calendar;

public sealed class VietnameseLunarCalendarTests
{
    private static readonly IEnumerable<DateOnly> EveryDay =
        Enumerable.Range(VietnameseLunarCalendar.MinDate.DayNumber, VietnameseLunarCalendar.MaxDate.DayNumber - VietnameseLunarCalendar.MinDate.DayNumber + 1)
            .Select(DateOnly.FromDayNumber);

    private static IEnumerable<int> Years => Enumerable.Range(VietnameseLunarCalendar.MinDate.Year, VietnameseLunarCalendar.MaxDate.Year - VietnameseLunarCalendar.MinDate.Year + 1);

    [Theory]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2030, "2030-02-02")] // China: 3 February
    [InlineData(1985, "1985-01-21")] // China: 20 February
    [InlineData(2007, "2007-02-17")] // China: 18 February
    [InlineData(1968, "1968-01-29")] // the North's new calendar; China and the South: 30 January
    [InlineData(2000, "2000-02-05")]
    [InlineData(2008, "2008-02-07")]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2027, "2027-02-06")]
    public void Tet_falls_on_the_known_date(int year, string date)
    {
        Assert.Equal(DateOnly.Parse(date), VietnameseLunarCalendar.NewYear(year));
        Assert.Equal(new LunarDate(1, 1, year), VietnameseLunarCalendar.ToLunar(DateOnly.Parse(date)));
    }

    [Theory]
    [InlineData(2020, "2020-04-02")]
    [InlineData(2021, "2021-04-21")]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Hung_Kings_day_10_3_falls_on_the_known_date(int year, string date) =>
        Assert.Equal(DateOnly.Parse(date), VietnameseLunarCalendar.ToSolar(new LunarDate(10, 3, year)));

    [Theory]
    [InlineData(2023, 2, "2023-03-22")]
    [InlineData(2025, 6, "2025-07-25")]
    [InlineData(2020, 4, "2020-05-23")]
    [InlineData(2017, 6, "2017-07-23")]
    [InlineData(2014, 9, "2014-10-24")]
    [InlineData(2033, 11, "2033-12-22")]
    [InlineData(1938, 8, "1938-09-24")] // the Sun reaches 180° 33 s before this month's first midnight (Swiss Ephemeris)
    public void The_leap_month_has_the_known_number_and_first_day(int year, int month, string firstDay)
    {
        var leap = Assert.Single(VietnameseLunarCalendar.MonthsOf(year), m => m.IsLeap);

        Assert.Equal((month, DateOnly.Parse(firstDay)), (leap.Number, leap.FirstDay));
        Assert.Equal($"1/{month}/{year} leap", VietnameseLunarCalendar.ToLunar(DateOnly.Parse(firstDay)).ToString());
    }

    [Theory]
    [InlineData("2024-02-09", "30/12/2023")]
    [InlineData("2025-07-24", "30/6/2025")]
    [InlineData("2025-08-22", "29/6/2025 leap")]
    [InlineData("1900-01-01", "1/12/1899")]
    public void A_solar_date_prints_as_day_month_year(string date, string lunar) =>
        Assert.Equal(lunar, VietnameseLunarCalendar.ToLunar(DateOnly.Parse(date)).ToString());

    [Fact]
    public void A_lunar_date_that_does_not_exist_has_no_solar_date()
    {
        Assert.Null(VietnameseLunarCalendar.ToSolar(new LunarDate(1, 3, 2023, IsLeapMonth: true)));
        Assert.Null(VietnameseLunarCalendar.ToSolar(new LunarDate(30, 1, 2023)));
        Assert.Null(VietnameseLunarCalendar.ToSolar(new LunarDate(1, 1, 1850)));
        Assert.Empty(VietnameseLunarCalendar.MonthsOf(2101));
    }

    [Fact]
    public void Dates_outside_1900_to_2100_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToLunar(new DateOnly(1899, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToLunar(new DateOnly(2101, 1, 1)));
    }

    [Fact]
    public void Every_day_from_1900_to_2100_converts_back_to_itself()
    {
        var failures = EveryDay.Where(d => VietnameseLunarCalendar.ToSolar(VietnameseLunarCalendar.ToLunar(d)) != d).Take(5).ToList();

        Assert.Empty(failures);
    }

    [Fact]
    public void Consecutive_days_are_consecutive_lunar_days_or_the_first_of_the_next_month()
    {
        var previous = VietnameseLunarCalendar.ToLunar(VietnameseLunarCalendar.MinDate);
        foreach (var day in EveryDay.Skip(1))
        {
            var lunar = VietnameseLunarCalendar.ToLunar(day);
            var next = lunar.Day == previous.Day + 1 && (lunar.Month, lunar.Year, lunar.IsLeapMonth) == (previous.Month, previous.Year, previous.IsLeapMonth);
            var newMonth = lunar.Day == 1 && previous.Day is 29 or 30;
            Assert.True(next || newMonth, $"{day}: {previous} then {lunar}");
            previous = lunar;
        }
    }

    [Fact]
    public void Months_have_29_or_30_days_and_years_12_or_13_months_with_one_leap_month_in_a_13_month_year()
    {
        foreach (var year in Years)
        {
            var months = VietnameseLunarCalendar.MonthsOf(year);
            Assert.Contains(months.Count, new[] { 12, 13 });
            Assert.Equal(months.Count == 13 ? 1 : 0, months.Count(m => m.IsLeap));
            Assert.Equal(Enumerable.Range(1, 12), months.Where(m => !m.IsLeap).Select(m => m.Number));
            Assert.All(months, m => Assert.Contains(m.Length, new[] { 29, 30 }));
            Assert.All(months.Zip(months.Skip(1)), pair => Assert.Equal(pair.First.FirstDay.AddDays(pair.First.Length), pair.Second.FirstDay));
        }
    }

    [Fact]
    public void Tet_always_falls_between_21_January_and_20_February()
    {
        Assert.All(Years, year =>
        {
            var tet = VietnameseLunarCalendar.NewYear(year);
            Assert.InRange(tet, new DateOnly(year, 1, 21), new DateOnly(year, 2, 20));
        });
    }
}
