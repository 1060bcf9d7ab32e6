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

    /// <summary>A list of names (<see cref="RuleValue.Names"/>), such as the forms of discipline a subject may be given; no number.</summary>
    Names,
}

/// <summary>
/// One value of a rule pack, with the legal text it comes from. <see cref="Verified"/> is false while the value
/// has not been checked against the legal text; pages say so.
/// </summary>
/// <remarks>A rule of unit <see cref="RuleUnit.Names"/> holds <see cref="Names"/> and no number (<see cref="Value"/> is 0).</remarks>
public sealed record RuleValue(decimal Value, RuleUnit Unit, string Citation, bool Verified)
{
    /// <summary>The names of a <see cref="RuleUnit.Names"/> rule, in the pack's order; empty for every other unit.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>The value as the pack writes it: <c>30 calendar-days</c>, or the names separated by commas.</summary>
    public string Text => Unit == RuleUnit.Names
        ? string.Join(", ", Names)
        : $"{Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Oversight.Text.WireNames<RuleUnit>.ToWire(Unit)}";
}

/// <summary>A rule as it applies on a day: its value and the pack that gives it.</summary>
public sealed record RuleInForce(string Key, RuleValue Value, string PackId, string PackTitle, DateOnly EffectiveFrom)
{
    /// <summary>The days of a time limit; a rule that is not a number of days is a broken pack.</summary>
    public int Days => Value.Unit is RuleUnit.CalendarDays or RuleUnit.WorkingDays
        ? (int)Value.Value
        : throw new InvalidOperationException($"Rule {Key} of pack {PackId} is not a time limit in days.");

    /// <summary>How the rule reads in a record that keeps it: <c>key = 30 calendar-days (citation; pack)</c>.</summary>
    public override string ToString() => $"{Key} = {Value.Text} ({Value.Citation}; {PackId})";
}
