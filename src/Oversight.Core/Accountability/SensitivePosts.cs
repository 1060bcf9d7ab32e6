using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Rules;
using Oversight.Text;

namespace Oversight.Accountability;

/// <summary>A post in a sensitive field held past its periodic change: since <c>From</c>, due on <c>DueOn</c> under <c>Rule</c>.</summary>
public sealed record SensitivePostRow(Guid PersonId, string Person, string Unit, string Title, SensitiveField Field, DateOnly From, DateOnly DueOn, RuleInForce Rule);

/// <summary>
/// People holding a post in a sensitive field longer than the periodic change of post allows (Decree 59/2019/NĐ-CP):
/// the years come from the rule <c>post.periodic-change.{field}</c> in force today; a field without the rule is not
/// on the list. Only posts in units of the caller's scope (and of the filter's subtree) are shown.
/// </summary>
public sealed class SensitivePosts(CallerScope scope, OversightDbContext db, RuleBook rules, TimeProvider time)
{
    /// <summary>The rule of <paramref name="field"/>'s periodic change of post in force on <paramref name="day"/>; null when the field is not on the list.</summary>
    public static RuleInForce? RuleFor(RuleSet rules, SensitiveField field, DateOnly day) =>
        field == SensitiveField.None ? null : rules.Find($"post.periodic-change.{WireNames<SensitiveField>.ToWire(field)}", day);

    /// <summary>One page (from 1) of <see cref="OverdueAsync(AccountabilityFilter, RegisterSlice, CancellationToken)"/>.</summary>
    public Task<RegisterPage<SensitivePostRow>?> OverdueAsync(AccountabilityFilter filter, int page, int pageSize, CancellationToken cancellationToken = default) =>
        OverdueAsync(filter, RegisterSlice.OnePage(page, pageSize), cancellationToken);

    /// <summary>
    /// The posts held today past their change, longest held first, as far as <paramref name="slice"/> reaches; null when
    /// the filter's unit does not exist for the caller. The period of the filter does not apply: the posts are those held today.
    /// </summary>
    public async Task<RegisterPage<SensitivePostRow>?> OverdueAsync(AccountabilityFilter filter, RegisterSlice slice, CancellationToken cancellationToken = default)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var today = VietnamTime.Today(time);
        if (SubtreeUnits.Resolve(graph, await scope.FilterAsync(cancellationToken), filter.UnitCode, [filter.UnitAsOf ?? today]) is not { } units)
        {
            return null;
        }

        var ruleSet = await rules.GetAsync(db, cancellationToken);
        var due = Enum.GetValues<SensitiveField>()
            .Select(field => (Field: field, Rule: RuleFor(ruleSet, field, today)))
            .Where(f => f.Rule is not null)
            .ToDictionary(f => f.Field, f => f.Rule!);
        if (due.Count == 0)
        {
            return new RegisterPage<SensitivePostRow>([], slice.Page, slice.PageSize, false);
        }

        // One query per period (the fields sharing a number of years), joined: each with its own cut-off day.
        var ids = units.UnitIds?.ToList();
        var held = db.Positions.AsNoTracking().Where(p => p.From != null && (p.To == null || p.To >= today) && (ids == null || ids.Contains(p.UnitId)));
        var overdue = due.GroupBy(f => Years(f.Value), f => f.Key)
            .Select(group =>
            {
                var fields = group.ToList();
                var heldSince = today.AddYears(-group.Key);
                return held.Where(p => fields.Contains(p.SensitiveField) && p.From <= heldSince);
            })
            .Aggregate(Queryable.Concat);

        return await RegisterPage.ReadAsync(
            overdue.OrderBy(p => p.From).ThenBy(p => p.Id)
                .Select(p => new { p.PersonId, Person = db.People.Where(x => x.Id == p.PersonId).Select(x => x.FullName).FirstOrDefault(), p.UnitId, p.Title, p.SensitiveField, From = p.From!.Value }),
            slice,
            p => new SensitivePostRow(
                p.PersonId, p.Person ?? string.Empty, graph.NameOn(p.UnitId, today), p.Title, p.SensitiveField, p.From, p.From.AddYears(Years(due[p.SensitiveField])), due[p.SensitiveField]),
            cancellationToken);
    }

    private static int Years(RuleInForce rule) => rule.Value.Unit == RuleUnit.Years
        ? (int)rule.Value.Value
        : throw new InvalidOperationException($"Rule {rule.Key} of pack {rule.PackId} is not a number of years.");
}
