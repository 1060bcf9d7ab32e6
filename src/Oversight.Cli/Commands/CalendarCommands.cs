using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Calendar;
using Oversight.Text;

namespace Oversight.Cli.Commands;

public static class CalendarCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new(["calendar", "lunar"], "calendar lunar YYYY-MM-DD",
            "Prints the Vietnamese lunar date (UTC+7) of a solar date, 1900–2100, as D/M/YYYY, followed by ' leap' in a leap month.",
            LunarAsync),
        new(["calendar", "tet"], "calendar tet --from YEAR --to YEAR",
            "Prints the date of Tết (the first day of the lunar year) for each year, one line 'YYYY YYYY-MM-DD' per year.",
            TetAsync),
        new(["calendar", "months"], "calendar months --from YEAR --to YEAR",
            "Prints the months of the lunar years FROM to TO (1900–2100) in order, one line 'YYYY-MM-DD YEAR MONTH' per month: "
            + "its first day, its lunar year and its number, followed by ' leap' for the leap month.",
            MonthsAsync),
        new(["calendar", "holidays"], "calendar holidays --year YEAR",
            "Prints every day off of a year in date order, 'YYYY-MM-DD name': the official schedule loaded by an administrator, "
            + "else the one shipped with Oversight, else the Labour Code's public holidays with compensatory days.",
            HolidaysAsync),
        new(["calendar", "add-working-days"], "calendar add-working-days YYYY-MM-DD N",
            "Prints the date N working days after the date (the date itself does not count; N ≥ 0).",
            AddWorkingDaysAsync),
        new(["calendar", "count-working-days"], "calendar count-working-days FROM TO",
            "Prints the number of working days after FROM up to and including TO (negative when TO is before FROM).",
            CountWorkingDaysAsync),
        new(["calendar", "load-schedule"], "calendar load-schedule FILE",
            "Loads a year's official schedule of days off (JSON) into the database, where it replaces the shipped one for that year, "
            + "and prints the days it changed. All or nothing; loading the same file again changes nothing. "
            + "Each error is printed as FILE: FIELD: message.",
            LoadScheduleAsync),
    ];

    private static async Task<int> LunarAsync(CommandContext context)
    {
        var date = DateArgument(context, 0, "YYYY-MM-DD");
        await context.Output.WriteLineAsync(VietnameseLunarCalendar.ToLunar(date).ToString());
        return 0;
    }

    private static async Task<int> TetAsync(CommandContext context)
    {
        foreach (var year in YearRange(context))
        {
            await context.Output.WriteLineAsync($"{year.ToString(CultureInfo.InvariantCulture)} {IsoDate.Format(VietnameseLunarCalendar.NewYear(year))}");
        }

        return 0;
    }

    private static async Task<int> MonthsAsync(CommandContext context)
    {
        foreach (var month in YearRange(context).SelectMany(VietnameseLunarCalendar.MonthsOf))
        {
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{IsoDate.Format(month.FirstDay)} {month.Year} {month.Number}{(month.IsLeap ? " leap" : "")}"));
        }

        return 0;
    }

    private static async Task<int> HolidaysAsync(CommandContext context)
    {
        var year = YearOption(context, "year");
        var holidays = await context.Services.GetRequiredService<WorkingCalendar>().HolidaysOfAsync(year);
        foreach (var day in holidays.DaysOff)
        {
            await context.Output.WriteLineAsync($"{IsoDate.Format(day.Date)} {day.Name}");
        }

        return 0;
    }

    private static async Task<int> AddWorkingDaysAsync(CommandContext context)
    {
        var date = DateArgument(context, 0, "YYYY-MM-DD");
        var text = context.Invocation.Argument(2, 1, "N");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            throw new CommandException($"N '{text}' is not a whole number of days, 0 or more");
        }

        var table = await context.Services.GetRequiredService<WorkingCalendar>().TableAsync();
        var result = table.CountWorkingDays(date, VietnameseLunarCalendar.MaxDate) >= days
            ? table.AddWorkingDays(date, days)
            : throw new CommandException($"{days} working days after {IsoDate.Format(date)} is past {IsoDate.Format(VietnameseLunarCalendar.MaxDate)}, the end of the calendar");
        await context.Output.WriteLineAsync(IsoDate.Format(result));
        return 0;
    }

    private static async Task<int> CountWorkingDaysAsync(CommandContext context)
    {
        var from = DateArgument(context, 0, "FROM");
        var to = DateArgument(context, 1, "TO");
        var count = await context.Services.GetRequiredService<WorkingCalendar>().CountWorkingDaysAsync(from, to);
        await context.Output.WriteLineAsync(count.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    private static async Task<int> LoadScheduleAsync(CommandContext context)
    {
        var path = context.Invocation.Argument(2, 0, "FILE");
        if (!File.Exists(path))
        {
            throw new CommandException($"{path}: no such file");
        }

        var result = await context.Services.GetRequiredService<HolidayScheduleLoader>().LoadAsync(path, await File.ReadAllTextAsync(path));
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await context.Error.WriteLineAsync(error.ToString());
            }

            await context.Error.WriteLineAsync($"{path}: {result.Errors.Count} error(s); nothing was loaded.");
            return 1;
        }

        var replaced = result.Replaced switch
        {
            ScheduleOrigin.Loaded => "the schedule loaded before",
            ScheduleOrigin.Shipped => "the shipped schedule",
            _ => "the statutory holidays",
        };
        await context.Output.WriteLineAsync(result.Outcome == ScheduleLoadOutcome.Unchanged
            ? $"{path}: year {result.Year} unchanged; the database already holds this schedule."
            : $"{path}: year {result.Year} loaded, replacing {replaced}; {result.Changes.Count} day(s) changed.");
        foreach (var change in result.Changes)
        {
            await context.Output.WriteLineAsync(change.ToString());
        }

        return 0;
    }

    /// <summary>A date argument within the calendar's range (1900–2100).</summary>
    private static DateOnly DateArgument(CommandContext context, int index, string name)
    {
        var text = context.Invocation.Argument(2, index, name);
        if (!IsoDate.TryParse(text, out var date))
        {
            throw new CommandException($"{name} '{text}' is not a date in the form YYYY-MM-DD");
        }

        return VietnameseLunarCalendar.Covers(date)
            ? date
            : throw new CommandException($"{IsoDate.Format(date)} is outside {IsoDate.Format(VietnameseLunarCalendar.MinDate)}..{IsoDate.Format(VietnameseLunarCalendar.MaxDate)}, the range of the calendar");
    }

    /// <summary>The years from <c>--from</c> to <c>--to</c>, both within the calendar's range.</summary>
    private static IEnumerable<int> YearRange(CommandContext context)
    {
        var from = YearOption(context, "from");
        var to = YearOption(context, "to");
        return to >= from ? Enumerable.Range(from, to - from + 1) : throw new CommandException($"--to {to} is before --from {from}");
    }

    private static int YearOption(CommandContext context, string name)
    {
        var text = context.Invocation.RequiredOption(name);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= VietnameseLunarCalendar.MinDate.Year && year <= VietnameseLunarCalendar.MaxDate.Year
            ? year
            : throw new CommandException($"--{name} '{text}' is not a year from {VietnameseLunarCalendar.MinDate.Year} to {VietnameseLunarCalendar.MaxDate.Year}");
    }
}
