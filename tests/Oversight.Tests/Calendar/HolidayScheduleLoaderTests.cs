using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Oversight.Calendar;
using Oversight.Data;
using Oversight.Tests.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Calendar;

public sealed class HolidayScheduleLoaderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>2025 as shipped, but National Day moved from Mon 1 to Wed 3 September and one more Saturday worked.</summary>
    public const string Corrected2025 =
        """
        {
          "year": 2025,
          "source": "Thông báo sửa đổi (thử)",
          "daysOff": [
            { "from": "2025-01-01", "name": "Tết Dương lịch" },
            { "from": "2025-01-25", "to": "2025-02-02", "name": "Tết Nguyên đán" },
            { "from": "2025-04-05", "to": "2025-04-07", "name": "Giỗ Tổ Hùng Vương" },
            { "from": "2025-04-30", "to": "2025-05-04", "name": "Ngày Chiến thắng và Ngày Quốc tế Lao động" },
            { "from": "2025-09-02", "to": "2025-09-03", "name": "Quốc khánh" }
          ],
          "workingDays": [
            { "date": "2025-04-26", "name": "Làm bù cho thứ Sáu 2/5" },
            { "date": "2025-09-06", "name": "Làm bù cho thứ Tư 3/9" }
          ]
        }
        """;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_loaded_year_wins_over_the_shipped_file_and_reports_the_days_it_changed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.SystemScope();
        var calendar = scope.ServiceProvider.GetRequiredService<WorkingCalendar>();
        Assert.False(await calendar.IsWorkingDayAsync(new DateOnly(2025, 9, 1), Cancel));

        var result = await scope.ServiceProvider.GetRequiredService<HolidayScheduleLoader>().LoadAsync("2025.json", Corrected2025, Cancel);

        Assert.Equal((ScheduleLoadOutcome.Created, 2025, ScheduleOrigin.Shipped), (result.Outcome, result.Year, result.Replaced));
        Assert.Equal(
            [
                "- 2025-08-30 day off: Quốc khánh", "- 2025-08-31 day off: Quốc khánh", "- 2025-09-01 day off: Quốc khánh",
                "+ 2025-09-03 day off: Quốc khánh", "+ 2025-09-06 working day: Làm bù cho thứ Tư 3/9",
            ],
            result.Changes.Select(c => c.ToString()));
        var year = await calendar.HolidaysOfAsync(2025, Cancel);
        Assert.Equal((ScheduleOrigin.Loaded, "Thông báo sửa đổi (thử)", database.Time.GetUtcNow()), (year.Origin, year.Source, year.LoadedAt));
        Assert.True(await calendar.IsWorkingDayAsync(new DateOnly(2025, 9, 1), Cancel));
        Assert.False(await calendar.IsWorkingDayAsync(new DateOnly(2025, 9, 3), Cancel));
        Assert.True(await calendar.IsWorkingDayAsync(new DateOnly(2025, 9, 6), Cancel));
        var row = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().HolidaySchedules.AsNoTracking().SingleAsync(Cancel);
        Assert.Equal((2025, "Thông báo sửa đổi (thử)"), (row.Year, row.Source));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Loading_the_same_content_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var first = database.SystemScope())
        {
            await first.ServiceProvider.GetRequiredService<HolidayScheduleLoader>().LoadAsync("2025.json", Corrected2025, Cancel);
        }

        var auditEntries = await database.AuditEntryCountAsync();
        database.Time.Advance(TimeSpan.FromHours(1));
        await using var scope = database.SystemScope();

        var again = await scope.ServiceProvider.GetRequiredService<HolidayScheduleLoader>().LoadAsync("copy of 2025.json", Corrected2025, Cancel);

        Assert.Equal((ScheduleLoadOutcome.Unchanged, ScheduleOrigin.Loaded), (again.Outcome, again.Replaced));
        Assert.Empty(again.Changes);
        Assert.Equal(auditEntries, await database.AuditEntryCountAsync());
        Assert.Equal(TestDatabase.DefaultNow, (await scope.ServiceProvider.GetRequiredService<OversightDbContext>().HolidaySchedules.SingleAsync(Cancel)).LoadedAt);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_errors_is_rejected_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.SystemScope();

        var result = await scope.ServiceProvider.GetRequiredService<HolidayScheduleLoader>().LoadAsync("2025.json",
            Corrected2025.Replace("\"2025-09-03\"", "\"2025-09-31\"", StringComparison.Ordinal), Cancel);

        Assert.Equal(ScheduleLoadOutcome.Rejected, result.Outcome);
        Assert.Equal("2025.json: daysOff[4].to: '2025-09-31' is not a date in the form YYYY-MM-DD", Assert.Single(result.Errors).ToString());
        Assert.False(await scope.ServiceProvider.GetRequiredService<OversightDbContext>().HolidaySchedules.AnyAsync(Cancel));
        Assert.Equal(ScheduleOrigin.Shipped, (await scope.ServiceProvider.GetRequiredService<WorkingCalendar>().HolidaysOfAsync(2025, Cancel)).Origin);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_node_sees_a_loaded_year_once_its_check_interval_has_passed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var otherNodeTime = new FakeTimeProvider(TestDatabase.DefaultNow);
        var otherNode = new WorkingCalendarCache(otherNodeTime);
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var nationalDay = new DateOnly(2025, 9, 1);
        Assert.False((await otherNode.GetAsync(db, Cancel)).IsWorkingDay(nationalDay));

        await scope.ServiceProvider.GetRequiredService<HolidayScheduleLoader>().LoadAsync("2025.json", Corrected2025, Cancel);
        var beforeInterval = await otherNode.GetAsync(db, Cancel);
        otherNodeTime.Advance(WorkingCalendarCache.CheckInterval);
        var afterInterval = await otherNode.GetAsync(db, Cancel);

        Assert.False(beforeInterval.IsWorkingDay(nationalDay));
        Assert.True(afterInterval.IsWorkingDay(nationalDay));
        Assert.Same(afterInterval, await otherNode.GetAsync(db, Cancel));
    }
}
