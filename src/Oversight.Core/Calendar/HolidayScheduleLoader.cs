using Microsoft.EntityFrameworkCore;
using Oversight.Data;
using Oversight.Text;

namespace Oversight.Calendar;

public enum ScheduleLoadOutcome
{
    /// <summary>The file has errors; nothing was written.</summary>
    Rejected,

    /// <summary>The year had no schedule in the database; it has now.</summary>
    Created,

    /// <summary>The year's schedule in the database was replaced.</summary>
    Updated,

    /// <summary>The database already holds exactly this file for the year; nothing was written.</summary>
    Unchanged,
}

/// <summary>A day that a load made a day off or a worked day, or stopped being one.</summary>
public sealed record ScheduleChange(DateOnly Date, string Name, bool IsWorkingDay, bool Added)
{
    /// <summary><c>+ 2025-09-01 day off: Quốc khánh</c> or <c>- 2025-04-26 working day: …</c>.</summary>
    public override string ToString() => $"{(Added ? '+' : '-')} {IsoDate.Format(Date)} {(IsWorkingDay ? "working day" : "day off")}: {Name}";
}

/// <summary>
/// The outcome of loading a schedule file: on success the year and what changed in its days off compared with the
/// schedule in force before (<see cref="Replaced"/>: loaded, shipped or statutory); on failure the errors.
/// </summary>
public sealed record ScheduleLoadResult(string File, ScheduleLoadOutcome Outcome, int? Year, ScheduleOrigin? Replaced, IReadOnlyList<ScheduleError> Errors, IReadOnlyList<ScheduleChange> Changes)
{
    public bool Succeeded => Outcome != ScheduleLoadOutcome.Rejected;
}

/// <summary>
/// Loads a year's official schedule file into the database (<see cref="HolidaySchedule"/>), where it wins over the
/// shipped file for that year. A file with any error changes nothing; loading the same content again changes
/// nothing either (compared after NFC normalisation).
/// </summary>
public sealed class HolidayScheduleLoader(OversightDbContext db, WorkingCalendarCache cache, TimeProvider time)
{
    /// <summary>Loads <paramref name="content"/> (JSON; see <see cref="HolidayScheduleFile"/>), naming it <paramref name="file"/> in errors.</summary>
    public async Task<ScheduleLoadResult> LoadAsync(string file, string content, CancellationToken cancellationToken = default)
    {
        var normalized = content.Normalize(System.Text.NormalizationForm.FormC);
        var read = HolidayScheduleFile.Read(file, normalized);
        if (read.Schedule is not { } schedule)
        {
            return new ScheduleLoadResult(file, ScheduleLoadOutcome.Rejected, null, null, read.Errors, []);
        }

        var before = (await cache.GetAsync(db, cancellationToken)).HolidaysOf(schedule.Year);
        var row = await db.HolidaySchedules.SingleOrDefaultAsync(s => s.Year == schedule.Year, cancellationToken);
        if (row is not null && row.Content == normalized)
        {
            return new ScheduleLoadResult(file, ScheduleLoadOutcome.Unchanged, schedule.Year, before.Origin, [], []);
        }

        var outcome = row is null ? ScheduleLoadOutcome.Created : ScheduleLoadOutcome.Updated;
        if (row is null)
        {
            row = new HolidaySchedule { Year = schedule.Year, Source = schedule.Source, Content = normalized };
            db.HolidaySchedules.Add(row);
        }

        row.Source = schedule.Source;
        row.Content = normalized;
        row.LoadedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();

        var after = (await cache.GetAsync(db, cancellationToken)).HolidaysOf(schedule.Year);
        return new ScheduleLoadResult(file, outcome, schedule.Year, before.Origin, [], Changes(before, after));
    }

    private static List<ScheduleChange> Changes(HolidayYear before, HolidayYear after)
    {
        IEnumerable<ScheduleChange> Difference(IEnumerable<(DateOnly Date, string Name)> from, IEnumerable<(DateOnly Date, string Name)> to, bool workingDay, bool added) =>
            to.Except(from).Select(d => new ScheduleChange(d.Date, d.Name, workingDay, added));

        var offBefore = before.DaysOff.Select(d => (d.Date, d.Name)).ToList();
        var offAfter = after.DaysOff.Select(d => (d.Date, d.Name)).ToList();
        var workedBefore = before.WorkingDays.Select(d => (d.Date, d.Name)).ToList();
        var workedAfter = after.WorkingDays.Select(d => (d.Date, d.Name)).ToList();
        return
        [
            .. Difference(offAfter, offBefore, workingDay: false, added: false)
                .Concat(Difference(offBefore, offAfter, workingDay: false, added: true))
                .Concat(Difference(workedAfter, workedBefore, workingDay: true, added: false))
                .Concat(Difference(workedBefore, workedAfter, workingDay: true, added: true))
                .OrderBy(c => c.Date).ThenBy(c => c.Added),
        ];
    }
}
