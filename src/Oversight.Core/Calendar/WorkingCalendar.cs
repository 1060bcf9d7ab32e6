using Microsoft.EntityFrameworkCore;
using Oversight.Data;

namespace Oversight.Calendar;

/// <summary>
/// Working days of the state sector, for deadlines: the current <see cref="WorkingDayTable"/>, with the schedules
/// administrators loaded into the database (<see cref="HolidaySchedule"/>) over the shipped ones.
/// </summary>
/// <remarks>
/// Callers that compute many dates should take <see cref="TableAsync"/> once and ask the table; the methods here
/// are for a single question.
/// </remarks>
public sealed class WorkingCalendar(OversightDbContext db, WorkingCalendarCache cache)
{
    /// <summary>The current table: at most a few seconds behind the database on another node, never behind a load made through this process.</summary>
    public Task<WorkingDayTable> TableAsync(CancellationToken cancellationToken = default) => cache.GetAsync(db, cancellationToken);

    /// <inheritdoc cref="WorkingDayTable.IsWorkingDay"/>
    public async Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        (await TableAsync(cancellationToken)).IsWorkingDay(date);

    /// <inheritdoc cref="WorkingDayTable.HolidaysOf"/>
    public async Task<HolidayYear> HolidaysOfAsync(int year, CancellationToken cancellationToken = default) =>
        (await TableAsync(cancellationToken)).HolidaysOf(year);

    /// <inheritdoc cref="WorkingDayTable.AddWorkingDays"/>
    public async Task<DateOnly> AddWorkingDaysAsync(DateOnly date, int days, CancellationToken cancellationToken = default) =>
        (await TableAsync(cancellationToken)).AddWorkingDays(date, days);

    /// <inheritdoc cref="WorkingDayTable.CountWorkingDays"/>
    public async Task<int> CountWorkingDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        (await TableAsync(cancellationToken)).CountWorkingDays(from, to);
}

/// <summary>
/// Holds the process's <see cref="WorkingDayTable"/> and rebuilds it when the <see cref="HolidaySchedule"/> rows
/// change. It looks at the rows' years and load times at most once every <see cref="CheckInterval"/>, so thousands
/// of deadline computations a second cost no database round trip each; a load through
/// <see cref="HolidayScheduleLoader"/> in this process takes effect at once.
/// </summary>
public sealed class WorkingCalendarCache(TimeProvider time)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Snapshot? current;
    private int generation;

    public async Task<WorkingDayTable> GetAsync(OversightDbContext db, CancellationToken cancellationToken = default)
    {
        var snapshot = current;
        if (snapshot is not null && time.GetUtcNow() - snapshot.CheckedAt < CheckInterval)
        {
            return snapshot.Table;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            snapshot = current;
            var now = time.GetUtcNow();
            if (snapshot is not null && now - snapshot.CheckedAt < CheckInterval)
            {
                return snapshot.Table;
            }

            var startedAt = Volatile.Read(ref generation);
            var stamps = await db.HolidaySchedules.AsNoTracking()
                .OrderBy(s => s.Year)
                .Select(s => new { s.Year, s.LoadedAt })
                .ToListAsync(cancellationToken);
            var stamp = string.Join(';', stamps.Select(s => $"{s.Year}@{s.LoadedAt.UtcTicks}"));
            var table = snapshot is not null && snapshot.Stamp == stamp
                ? snapshot.Table
                : new WorkingDayTable((await db.HolidaySchedules.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(r => r.Year, Entry));
            if (startedAt == Volatile.Read(ref generation))
            {
                current = new Snapshot(stamp, now, table);
            }

            return table;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>Forgets the table, so that the next request reads the database again.</summary>
    /// <remarks>A read that was under way keeps its answer but does not store it.</remarks>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        current = null;
    }

    /// <summary>A stored schedule; it was checked when it was loaded, so an invalid one means the row was changed behind Oversight's back.</summary>
    private static ScheduleEntry Entry(HolidaySchedule row)
    {
        var result = HolidayScheduleFile.Read($"database schedule {row.Year}", row.Content);
        var schedule = result.Schedule ?? throw new InvalidOperationException($"The stored holiday schedule of {row.Year} is invalid: {string.Join("; ", result.Errors)}");
        return new ScheduleEntry(schedule, ScheduleOrigin.Loaded, row.LoadedAt);
    }

    private sealed record Snapshot(string Stamp, DateTimeOffset CheckedAt, WorkingDayTable Table);
}
