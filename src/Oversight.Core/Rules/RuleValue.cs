namespace Oversight.Rules;

/// <summary>What a rule's number counts.</summary>
public enum RuleUnit
{
    CalendarDays,
    WorkingDays,
    DaysPerWeek,
    DaysPerMonth,
    Years,
    Count,
}

/// <summary>
/// One value of a rule pack, with the legal text it comes from. <see cref="Verified"/> is false while the value
/// has not been checked against the legal text; pages say so.
/// </summary>
public sealed record RuleValue(decimal Value, RuleUnit Unit, string Citation, bool Verified);

/// <summary>A rule as it applies on a day: its value and the pack that gives it.</summary>
public sealed record RuleInForce(string Key, RuleValue Value, string PackId, string PackTitle, DateOnly EffectiveFrom)
{
    /// <summary>The days of a time limit; a rule that is not a number of days is a broken pack.</summary>
    public int Days => Value.Unit is RuleUnit.CalendarDays or RuleUnit.WorkingDays
        ? (int)Value.Value
        : throw new InvalidOperationException($"Rule {Key} of pack {PackId} is not a time limit in days.");

    /// <summary>How the rule reads in a record that keeps it: <c>key = 30 calendar-days (citation; pack)</c>.</summary>
    public override string ToString() =>
        $"{Key} = {Value.Value} {Text.WireNames<RuleUnit>.ToWire(Value.Unit)} ({Value.Citation}; {PackId})";
}
