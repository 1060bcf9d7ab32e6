using Oversight.Rules;

namespace Oversight.Petitions;

/// <summary>What a case's dates say about it on a given day.</summary>
public static class CaseFacts
{
    /// <summary>The rule giving how long an open case may run before it counts as protracted.</summary>
    public const string ProtractedRule = "case.protracted.open-days";

    /// <summary>The threshold in force on <paramref name="today"/>; a pack set without it never calls an open case protracted by age.</summary>
    public static int ProtractedAfterDays(RuleSet rules, DateOnly today) => rules.Find(ProtractedRule, today)?.Days ?? int.MaxValue;

    /// <summary>Protracted: a repeat of an earlier case on the same matter, or open longer than the threshold.</summary>
    public static bool IsProtracted(CitizenCase citizenCase, DateOnly today, int protractedAfterDays) =>
        citizenCase.RepeatOfCaseId is not null ||
        (citizenCase.IsOpen && today.DayNumber - citizenCase.ReceivedOn.DayNumber > protractedAfterDays);
}
