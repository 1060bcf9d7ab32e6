using Oversight.Rules;
using Oversight.Text;

namespace Oversight.Accountability;

/// <summary>
/// Whether a violation can still be disciplined in a form on a day: <c>LapsesOn</c> is the first day it no longer can
/// (the violation's day plus the years of the rule <c>discipline.limitation.{form}</c> in force on the decision's day).
/// Without such a rule (expulsion, dissolution: no limitation; or no pack in force then) there is no such day and it
/// has not lapsed.
/// </summary>
public sealed record LimitationCheck(DisciplineForm Form, RuleInForce? Rule, DateOnly? LapsesOn, bool Lapsed);

/// <summary>The statute of limitation of Party discipline, from the rule packs (Regulation 69-QĐ/TW 2022, art. 4).</summary>
public static class DisciplineLimitation
{
    public static LimitationCheck Check(RuleSet rules, DisciplineForm form, DateOnly violationOn, DateOnly decidedOn)
    {
        var rule = rules.Find($"discipline.limitation.{WireNames<DisciplineForm>.ToWire(form)}", decidedOn);
        if (rule is null)
        {
            return new LimitationCheck(form, null, null, Lapsed: false);
        }

        if (rule.Value.Unit != RuleUnit.Years)
        {
            throw new InvalidOperationException($"Rule {rule.Key} of pack {rule.PackId} is not a number of years.");
        }

        var lapsesOn = violationOn.AddYears((int)rule.Value.Value);
        return new LimitationCheck(form, rule, lapsesOn, lapsesOn <= decidedOn);
    }
}
