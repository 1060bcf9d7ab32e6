using Oversight.Calendar;

namespace Oversight.Tests.Calendar;

/// <summary>The shipped schedules, the statutory fallback and working-day arithmetic, without a database.</summary>
public sealed class WorkingDayTableTests
{
    private static readonly WorkingDayTable Table = new(new Dictionary<int, ScheduleEntry>());

    private static DateOnly D(string date) => DateOnly.Parse(date);

    [Fact]
    public void A_schedule_is_shipped_for_every_year_from_2020_to_2026()
    {
        Assert.Equal(Enumerable.Range(2020, 7), WorkingDayTable.Shipped.Keys.Order());
        Assert.All(Enumerable.Range(2020, 7), year => Assert.Equal(ScheduleOrigin.Shipped, Table.HolidaysOf(year).Origin));
        Assert.Equal(ScheduleOrigin.Statutory, Table.HolidaysOf(2027).Origin);
    }

    [Fact]
    public void Every_shipped_schedule_gives_the_fixed_public_holidays_off()
    {
        foreach (var year in WorkingDayTable.Shipped.Keys)
        {
            var fixedDays = new[]
            {
                new DateOnly(year, 1, 1), VietnameseLunarCalendar.NewYear(year), VietnameseLunarCalendar.ToSolar(new LunarDate(10, 3, year))!.Value,
                new DateOnly(year, 4, 30), new DateOnly(year, 5, 1), new DateOnly(year, 9, 2),
            };
            var off = Table.HolidaysOf(year).DaysOff.Select(d => d.Date).ToHashSet();
            Assert.All(fixedDays, day => Assert.True(off.Contains(day), $"{day} is not a day off in the {year} schedule"));
        }
    }

    [Fact]
    public void The_known_official_days_off_and_swapped_working_days_hold()
    {
        Assert.All(Days("2024-02-08", "2024-02-14"), d => Assert.False(Table.IsWorkingDay(d), d.ToString()));
        Assert.True(Table.IsWorkingDay(D("2024-02-15")));
        Assert.True(Table.IsWorkingDay(D("2025-04-26")));
        Assert.All(Days("2025-04-30", "2025-05-04"), d => Assert.False(Table.IsWorkingDay(d), d.ToString()));
        Assert.All(Days("2026-02-14", "2026-02-22"), d => Assert.False(Table.IsWorkingDay(d), d.ToString()));
        Assert.True(Table.IsWorkingDay(D("2026-02-23")));
    }

    [Fact]
    public void Holidays_of_a_shipped_year_list_every_day_off_in_date_order_with_Vietnamese_names()
    {
        var year = Table.HolidaysOf(2025);

        Assert.Equal(D("2025-01-01"), year.DaysOff[0].Date);
        Assert.Equal("Tết Dương lịch", year.DaysOff[0].Name);
        Assert.Equal(year.DaysOff.Select(d => d.Date).Order(), year.DaysOff.Select(d => d.Date));
        Assert.Equal(9, year.DaysOff.Count(d => d.Name == "Tết Nguyên đán"));
        Assert.Equal(new SwappedWorkingDay(D("2025-04-26"), "Làm bù cho thứ Sáu 2/5", true, null), Assert.Single(year.WorkingDays));
    }

    [Fact]
    public void Without_a_schedule_the_statutory_holidays_apply_with_compensatory_days()
    {
        // 2027: Tết is Saturday 6 February, so the five days are Fri 5 (last day of the year) to Tue 9, and the
        // two weekend days give Wed 10 and Thu 11; Hùng Kings day is Fri 16 April; 2 September is a Thursday.
        var days = Table.HolidaysOf(2027).DaysOff.Select(d => $"{d.Date:yyyy-MM-dd} {d.Name}");

        Assert.Equal(
            [
                "2027-01-01 Tết Dương lịch",
                "2027-02-05 Tết Nguyên đán", "2027-02-06 Tết Nguyên đán", "2027-02-07 Tết Nguyên đán", "2027-02-08 Tết Nguyên đán", "2027-02-09 Tết Nguyên đán",
                "2027-02-10 Nghỉ bù Tết Nguyên đán", "2027-02-11 Nghỉ bù Tết Nguyên đán",
                "2027-04-16 Giỗ Tổ Hùng Vương",
                "2027-04-30 Ngày Chiến thắng", "2027-05-01 Ngày Quốc tế Lao động", "2027-05-03 Nghỉ bù Ngày Quốc tế Lao động",
                "2027-09-02 Quốc khánh", "2027-09-03 Quốc khánh",
            ],
            days);
    }

    [Theory]
    [InlineData(2027, "2027-09-03")] // Thursday → Friday 3
    [InlineData(2030, "2030-09-03")] // Monday → Tuesday 3
    [InlineData(2031, "2031-09-01")] // Tuesday → Monday 1
    [InlineData(2026, "2026-09-03")] // Wednesday → Thursday 3 (the shipped 2026 file follows the rule, unverified)
    [InlineData(2033, "2033-09-01")] // Friday → Thursday 1
    [InlineData(2028, "2028-09-01")] // Saturday → Friday 1, and Monday 4 in lieu of Saturday
    [InlineData(2029, "2029-09-03")] // Sunday → Monday 3, and Tuesday 4 in lieu of Sunday
    public void The_day_adjacent_to_2_September_adjoins_a_weekend_when_one_can(int year, string adjacent)
    {
        var nationalDay = Table.HolidaysOf(year).DaysOff.Where(d => d.Date.Month == 9).Select(d => d.Date).ToList();

        Assert.Contains(D(adjacent), nationalDay);
        Assert.Contains(new DateOnly(year, 9, 2), nationalDay);
    }

    [Fact]
    public void Under_the_2012_Code_2_September_is_one_day()
    {
        Assert.Equal([D("2019-09-02")], Table.HolidaysOf(2019).DaysOff.Where(d => d.Date.Month == 9).Select(d => d.Date));
        Assert.Empty(Table.HolidaysOf(2012).DaysOff);
    }

    [Theory]
    [InlineData("2025-04-25", 1, "2025-04-26")] // the Saturday worked in exchange for Friday 2 May
    [InlineData("2025-04-29", 1, "2025-05-05")]
    [InlineData("2024-02-07", 1, "2024-02-15")]
    [InlineData("2026-02-13", 1, "2026-02-23")]
    [InlineData("2026-02-12", 10, "2026-03-05")]
    [InlineData("2026-11-20", 0, "2026-11-20")]
    [InlineData("2026-11-21", 1, "2026-11-23")] // from a Saturday
    public void Adding_working_days_skips_weekends_and_days_off(string from, int days, string expected) =>
        Assert.Equal(D(expected), Table.AddWorkingDays(D(from), days));

    [Fact]
    public void Counting_working_days_excludes_the_first_date_and_includes_the_last()
    {
        Assert.Equal(0, Table.CountWorkingDays(D("2026-11-23"), D("2026-11-23")));
        Assert.Equal(5, Table.CountWorkingDays(D("2026-11-20"), D("2026-11-27")));
        Assert.Equal(-5, Table.CountWorkingDays(D("2026-11-27"), D("2026-11-20")));
        Assert.Equal(1, Table.CountWorkingDays(D("2024-02-07"), D("2024-02-15")));
    }

    [Fact]
    public void Counting_undoes_adding_on_every_day_of_2020_to_2027()
    {
        foreach (var day in Days("2020-01-01", "2027-12-31"))
        {
            foreach (var n in new[] { 0, 1, 7, 30 })
            {
                Assert.Equal(n, Table.CountWorkingDays(day, Table.AddWorkingDays(day, n)));
            }
        }
    }

    [Fact]
    public void A_year_has_between_240_and_255_working_days()
    {
        Assert.All(Enumerable.Range(2014, 2100 - 2014 + 1), year =>
            Assert.InRange(Table.CountWorkingDays(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)), 240, 255));
    }

    private static IEnumerable<DateOnly> Days(string from, string to) =>
        Enumerable.Range(D(from).DayNumber, D(to).DayNumber - D(from).DayNumber + 1).Select(DateOnly.FromDayNumber);
}
