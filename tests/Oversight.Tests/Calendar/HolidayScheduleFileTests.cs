using Oversight.Calendar;

namespace Oversight.Tests.Calendar;

public sealed class HolidayScheduleFileTests
{
    [Fact]
    public void A_valid_file_reads_into_periods_and_working_days_with_entry_level_overrides()
    {
        var result = HolidayScheduleFile.Read("2027.json",
            """
            {
              "year": 2027,
              "source": "Thông báo thử",
              "verified": false,
              "daysOff": [
                { "from": "2027-02-04", "to": "2027-02-12", "name": "Tết  Nguyên đán", "verified": true },
                { "from": "2027-01-01", "name": "Tết Dương lịch" }
              ],
              "workingDays": [ { "date": "2027-02-20", "name": "Làm bù", "source": "Công văn thử" } ]
            }
            """);

        var schedule = Assert.IsType<YearSchedule>(result.Schedule);
        Assert.Equal(
            [
                new DayOffPeriod(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1), "Tết Dương lịch", false, null),
                new DayOffPeriod(new DateOnly(2027, 2, 4), new DateOnly(2027, 2, 12), "Tết Nguyên đán", true, null),
            ],
            schedule.DaysOff);
        Assert.Equal([new SwappedWorkingDay(new DateOnly(2027, 2, 20), "Làm bù", false, "Công văn thử")], schedule.WorkingDays);
    }

    [Fact]
    public void Every_problem_is_reported_with_the_file_and_field()
    {
        var result = HolidayScheduleFile.Read("bad.json",
            """
            {
              "year": 2027,
              "daysOff": [
                { "from": "2027-13-01", "name": "A" },
                { "from": "2027-05-03", "to": "2027-05-01", "name": "B" },
                { "from": "2026-12-31", "name": "C" },
                { "from": "2027-04-30", "to": "2027-05-02", "name": "D" },
                { "from": "2027-05-01", "name": "E" },
                { "from": "2027-06-01" }
              ],
              "workingDays": [
                { "date": "2027-05-04", "name": "a Tuesday" },
                { "date": "2027-05-01", "name": "within days off" }
              ]
            }
            """);

        Assert.Null(result.Schedule);
        Assert.Equal(
            [
                "bad.json: source: is required: the decision or notice the schedule comes from",
                "bad.json: daysOff[0].from: '2027-13-01' is not a date in the form YYYY-MM-DD",
                "bad.json: daysOff[1].to: 2027-05-01 is before from (2027-05-03)",
                "bad.json: daysOff[2].from: 2026-12-31 is not in 2027",
                "bad.json: daysOff[4]: overlaps daysOff[3] (2027-04-30 to 2027-05-02)",
                "bad.json: daysOff[5].name: is required",
                "bad.json: workingDays[0].date: 2027-05-04 is a Tuesday, a working day already; only a Saturday or Sunday can be swapped into one",
                "bad.json: workingDays[1].date: 2027-05-01 is also within the days off",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("""{ "year": 2027, "source": "x", "dayOff": [] }""", "bad.json: dayOff: line 1: unknown field")]
    [InlineData("""{ "year": "2027", "source": "x", "daysOff": [] }""", "bad.json: year: line 1: has a value of the wrong type")]
    [InlineData("""{ "year": 2027, "source": "x", "daysOff": [ """, "bad.json: line 1: is not valid JSON")]
    [InlineData("""{ "year": 1850, "source": "x", "daysOff": [] }""", "bad.json: year: 1850 is outside 1900–2100")]
    [InlineData("""{ "source": "x" }""", "bad.json: year: is required; bad.json: daysOff: is required: the days off of the year")]
    public void A_malformed_file_gives_an_error_that_names_it(string json, string expected) =>
        Assert.Equal(expected, string.Join("; ", HolidayScheduleFile.Read("bad.json", json).Errors));
}
