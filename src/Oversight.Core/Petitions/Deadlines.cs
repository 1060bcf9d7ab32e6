using Oversight.Calendar;
using Oversight.Rules;

namespace Oversight.Petitions;

/// <summary>Counts a time limit from the day its clock starts.</summary>
public static class Deadlines
{
    /// <summary>
    /// The last day of a limit of <paramref name="rule"/>'s days from <paramref name="start"/> (the start day not
    /// counted). Working days skip weekends and days off. A limit in calendar days that ends on a day off ends on
    /// the next working day instead (Civil Code 2015, art. 148).
    /// </summary>
    public static DateOnly Due(DateOnly start, RuleInForce rule, WorkingDayTable calendar)
    {
        if (rule.Value.Unit == RuleUnit.WorkingDays)
        {
            return calendar.AddWorkingDays(start, rule.Days);
        }

        var end = start.AddDays(rule.Days);
        return calendar.IsWorkingDay(end) ? end : calendar.AddWorkingDays(end, 1);
    }
}
