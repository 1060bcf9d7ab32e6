using Oversight.Rules;
using Oversight.Text;

namespace Oversight.Accountability;

/// <summary>The forms of discipline a subject may be given on a day, and the rule that says so; no rule: no form is known.</summary>
public sealed record AllowedForms(DisciplineSubject Subject, RuleInForce? Rule, IReadOnlyList<DisciplineForm> Forms);

/// <summary>Which forms of discipline apply to which subject, from the rule packs (<c>discipline.forms.{subject}</c>, Party Charter art. 35).</summary>
public static class DisciplineForms
{
    public static AllowedForms Allowed(RuleSet rules, DisciplineSubject subject, DateOnly on)
    {
        var rule = rules.Find($"discipline.forms.{WireNames<DisciplineSubject>.ToWire(subject)}", on);
        if (rule is null)
        {
            return new AllowedForms(subject, null, []);
        }

        if (rule.Value.Unit != RuleUnit.Names)
        {
            throw new InvalidOperationException($"Rule {rule.Key} of pack {rule.PackId} is not a list of forms.");
        }

        var forms = rule.Value.Names.Select(name => WireNames<DisciplineForm>.TryParse(name, out var form)
            ? form
            : throw new InvalidOperationException($"Rule {rule.Key} of pack {rule.PackId} names '{name}', which is not a form of discipline.")).ToArray();
        return new AllowedForms(subject, rule, forms);
    }
}
