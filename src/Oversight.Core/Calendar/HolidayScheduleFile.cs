using System.Text.Json;
using System.Text.Json.Serialization;
using Oversight.Text;

namespace Oversight.Calendar;

/// <summary>
/// Days off named together in a schedule file, from <see cref="From"/> to <see cref="To"/> inclusive;
/// <see cref="Verified"/> is false where the dates are not confirmed against the official notice, and
/// <see cref="Source"/> names the decision or notice for this period when it is not the file's.
/// </summary>
public sealed record DayOffPeriod(DateOnly From, DateOnly To, string Name, bool Verified, string? Source);

/// <summary>A Saturday or Sunday worked in exchange for a day off (làm bù).</summary>
public sealed record SwappedWorkingDay(DateOnly Date, string Name, bool Verified, string? Source);

/// <summary>
/// One year's official state-sector schedule: every day off of the year (public holidays, compensatory days and
/// days swapped for a worked Saturday, with the weekends the notice announces within each period) and the
/// Saturdays or Sundays worked in exchange.
/// </summary>
public sealed record YearSchedule(int Year, string Source, IReadOnlyList<DayOffPeriod> DaysOff, IReadOnlyList<SwappedWorkingDay> WorkingDays);

/// <summary>What is wrong in a schedule file: the file, the field as a path (<c>daysOff[2].to</c>; empty for the file as a whole) and why.</summary>
public sealed record ScheduleError(string File, string Field, string Message)
{
    /// <summary><c>FILE: FIELD: message</c>, the form the CLI prints.</summary>
    public override string ToString() => Field.Length == 0 ? $"{File}: {Message}" : $"{File}: {Field}: {Message}";
}

/// <summary>A schedule file read: the schedule, or the errors that stop it from being one.</summary>
public sealed record ScheduleReadResult(YearSchedule? Schedule, IReadOnlyList<ScheduleError> Errors)
{
    public bool Succeeded => Schedule is not null;
}

/// <summary>
/// Reads and checks a year's schedule file (JSON). Shipped files live in <c>Calendar/Data/schedule-YYYY.json</c>;
/// an administrator loads corrected or new ones with <see cref="HolidayScheduleLoader"/>.
/// </summary>
/// <remarks>
/// The form:
/// <code>
/// {
///   "year": 2025,
///   "source": "the decision or notice",
///   "verified": true,                                   // optional, default true; entries may override it
///   "daysOff": [ { "from": "2025-04-30", "to": "2025-05-04", "name": "…", "source": "…" } ],   // "to" may be left out for one day
///   "workingDays": [ { "date": "2025-04-26", "name": "Làm bù cho thứ Sáu 2/5" } ]
/// }
/// </code>
/// Every date lies within the year; periods do not overlap; a worked day is a Saturday or Sunday outside the
/// periods. Unknown fields are errors, so that a misspelt field is not silently ignored.
/// </remarks>
public static class HolidayScheduleFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads <paramref name="json"/>, naming it <paramref name="file"/> in errors.</summary>
    public static ScheduleReadResult Read(string file, string json)
    {
        FileShape? shape;
        try
        {
            shape = JsonSerializer.Deserialize<FileShape>(json, Options);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "";
            var line = e.LineNumber is { } number ? $"line {number + 1}: " : "";
            return Failed(
                e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? new ScheduleError(file, field, line + "unknown field")
                : e.Message.Contains("could not be converted", StringComparison.Ordinal) ? new ScheduleError(file, field, line + "has a value of the wrong type")
                : new ScheduleError(file, "", line + "is not valid JSON"));
        }

        if (shape is null)
        {
            return Failed(new ScheduleError(file, "", "is empty (null)"));
        }

        var errors = new List<ScheduleError>();
        void Error(string field, string message) => errors.Add(new ScheduleError(file, field, message));

        var year = shape.Year ?? 0;
        if (shape.Year is null)
        {
            Error("year", "is required");
        }
        else if (year < VietnameseLunarCalendar.MinDate.Year || year > VietnameseLunarCalendar.MaxDate.Year)
        {
            Error("year", $"{year} is outside {VietnameseLunarCalendar.MinDate.Year}–{VietnameseLunarCalendar.MaxDate.Year}");
        }

        var source = VietnameseText.Normalize(shape.Source);
        if (source is null)
        {
            Error("source", "is required: the decision or notice the schedule comes from");
        }

        var fileVerified = shape.Verified ?? true;

        DateOnly? Date(string field, string? text)
        {
            if (text is null)
            {
                Error(field, "is required");
                return null;
            }

            if (!IsoDate.TryParse(text, out var date))
            {
                Error(field, $"'{text}' is not a date in the form YYYY-MM-DD");
                return null;
            }

            if (shape.Year is not null && date.Year != year)
            {
                Error(field, $"{IsoDate.Format(date)} is not in {year}");
                return null;
            }

            return date;
        }

        string? Name(string field, string? text) =>
            VietnameseText.Normalize(text) is { } name ? name : Fail(field, "is required");

        string? Fail(string field, string message)
        {
            Error(field, message);
            return null;
        }

        var periods = new List<(int Index, DayOffPeriod Period)>();
        if (shape.DaysOff is null)
        {
            Error("daysOff", "is required: the days off of the year");
        }

        foreach (var (entry, i) in (shape.DaysOff ?? []).Select((entry, i) => (entry, i)))
        {
            var at = $"daysOff[{i}]";
            if (entry is null)
            {
                Error(at, "is empty (null)");
                continue;
            }

            var from = Date($"{at}.from", entry.From);
            var to = entry.To is null ? from : Date($"{at}.to", entry.To);
            var name = Name($"{at}.name", entry.Name);
            if (from is not { } first || to is not { } last || name is null)
            {
                continue;
            }

            if (last < first)
            {
                Error($"{at}.to", $"{IsoDate.Format(last)} is before from ({IsoDate.Format(first)})");
                continue;
            }

            if (periods.FirstOrDefault(p => p.Period.From <= last && first <= p.Period.To) is { Period: { } overlapped } other)
            {
                Error(at, $"overlaps daysOff[{other.Index}] ({IsoDate.Format(overlapped.From)} to {IsoDate.Format(overlapped.To)})");
                continue;
            }

            periods.Add((i, new DayOffPeriod(first, last, name, entry.Verified ?? fileVerified, VietnameseText.Normalize(entry.Source))));
        }

        var worked = new List<SwappedWorkingDay>();
        foreach (var (entry, i) in (shape.WorkingDays ?? []).Select((entry, i) => (entry, i)))
        {
            var at = $"workingDays[{i}]";
            if (entry is null)
            {
                Error(at, "is empty (null)");
                continue;
            }

            var date = Date($"{at}.date", entry.Date);
            var name = Name($"{at}.name", entry.Name);
            if (date is not { } day || name is null)
            {
                continue;
            }

            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                Error($"{at}.date", $"{IsoDate.Format(day)} is a {day.DayOfWeek}, a working day already; only a Saturday or Sunday can be swapped into one");
            }
            else if (periods.Any(p => p.Period.From <= day && day <= p.Period.To))
            {
                Error($"{at}.date", $"{IsoDate.Format(day)} is also within the days off");
            }
            else if (worked.Any(w => w.Date == day))
            {
                Error($"{at}.date", $"{IsoDate.Format(day)} is listed twice");
            }
            else
            {
                worked.Add(new SwappedWorkingDay(day, name, entry.Verified ?? fileVerified, VietnameseText.Normalize(entry.Source)));
            }
        }

        return errors.Count > 0
            ? new ScheduleReadResult(null, errors)
            : new ScheduleReadResult(new YearSchedule(year, source!, [.. periods.Select(p => p.Period).OrderBy(p => p.From)], [.. worked.OrderBy(w => w.Date)]), []);
    }

    private static ScheduleReadResult Failed(ScheduleError error) => new(null, [error]);

    private sealed record FileShape(int? Year, string? Source, bool? Verified, List<DayOffShape?>? DaysOff, List<WorkingDayShape?>? WorkingDays);

    private sealed record DayOffShape(string? From, string? To, string? Name, bool? Verified, string? Source);

    private sealed record WorkingDayShape(string? Date, string? Name, bool? Verified, string? Source);
}
