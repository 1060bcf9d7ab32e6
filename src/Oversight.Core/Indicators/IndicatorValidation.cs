using Oversight.Organisation;

namespace Oversight.Indicators;

/// <summary>The outcome of one check: whether it passed, what was found (in both languages), and the records at fault.</summary>
public sealed record ValidationOutcome(string Code, string NameVi, string NameEn, bool Passed, string DetailVi, string DetailEn, string? PagePath, IReadOnlyList<RecordFacts> Records)
{
    public string Name(bool english) => english ? NameEn : NameVi;

    public string Detail(bool english) => english ? DetailEn : DetailVi;
}

public sealed record ValidationResult(UnitSnapshot Unit, IndicatorPeriod Period, IReadOnlyList<ValidationOutcome> Outcomes)
{
    public int Failed => Outcomes.Count(o => !o.Passed);
}

/// <summary>
/// Runs the validation rules on a unit's figures for a period: each percentage's numerator within its denominator,
/// each rule's total equal to the sum of its parts, no record a rule forbids. A failed check lists the records at
/// fault (those counted in one side and not the other, or the forbidden ones), up to <see cref="MostRecords"/>.
/// </summary>
public sealed class IndicatorValidation(IndicatorEngine engine)
{
    public const int MostRecords = 50;

    /// <summary>Null when the unit does not exist in the period for the caller.</summary>
    public async Task<ValidationResult?> ValidateAsync(string unitCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var catalog = engine.Catalog;
        var forbidden = catalog.Validation.Where(r => r.None is not null).Select(r => Forbidden(r, r.None!)).ToArray();
        if (await engine.ForUnitAsync(unitCode, from, to, IndicatorStructure.AsOf, [.. catalog.Indicators, .. forbidden], cancellationToken) is not { } values)
        {
            return null;
        }

        var byCode = values.Values.ToDictionary(v => v.Definition.Code, StringComparer.Ordinal);
        var outcomes = new List<ValidationOutcome>();
        foreach (var value in values.Values.Where(v => v.Definition.Unit == IndicatorUnit.Percent))
        {
            var passed = value.Numerator <= value.Denominator;
            outcomes.Add(new ValidationOutcome(
                $"{value.Definition.Code}.RATIO",
                $"{value.Definition.NameVi}: tử số không vượt mẫu số",
                $"{value.Definition.NameEn}: numerator within denominator",
                passed,
                $"{value.Numerator} / {value.Denominator}",
                $"{value.Numerator} / {value.Denominator}",
                value.Definition.Numerator.Records.PagePath,
                passed ? [] : await OnlyInAsync(unitCode, from, to, value.Definition, [(value.Definition, true)], cancellationToken)));
        }

        foreach (var rule in catalog.Validation)
        {
            if (rule.None is not null)
            {
                var found = byCode[rule.Code];
                outcomes.Add(new ValidationOutcome(
                    rule.Code, rule.NameVi, rule.NameEn, found.Numerator == 0,
                    $"{found.Numerator} hồ sơ vi phạm", $"{found.Numerator} record(s) at fault",
                    rule.None.Records.PagePath,
                    found.Numerator == 0 ? [] : (await engine.RecordsAsync(unitCode, found.Definition, false, from, to, IndicatorStructure.AsOf, MostRecords, cancellationToken))!.Records));
                continue;
            }

            var total = byCode[rule.Total!];
            var parts = rule.Parts.Select(p => byCode[p]).ToArray();
            var sum = parts.Sum(p => p.Numerator);
            var equal = total.Numerator == sum;
            outcomes.Add(new ValidationOutcome(
                rule.Code, rule.NameVi, rule.NameEn, equal,
                $"{total.Numerator} = {string.Join(" + ", parts.Select(p => p.Numerator))}" + (equal ? "" : $" = {sum}"),
                $"{total.Numerator} = {string.Join(" + ", parts.Select(p => p.Numerator))}" + (equal ? "" : $" = {sum}"),
                total.Definition.Numerator.Records.PagePath,
                equal ? [] : await OnlyInAsync(unitCode, from, to, total.Definition, parts.Select(p => (p.Definition, false)).ToArray(), cancellationToken)));
        }

        return new ValidationResult(values.Unit, values.Period, outcomes);
    }

    /// <summary>A rule's forbidden records as a count, so they are counted with the indicators in one pass.</summary>
    private static IndicatorDefinition Forbidden(ValidationRule rule, Quantity none) =>
        new(rule.Code, IndicatorArea.Citizens, rule.NameVi, rule.NameEn, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter, 0, none, null);

    /// <summary>
    /// The records counted in one side of a failed check and not in the other: in <paramref name="whole"/>'s numerator
    /// and none of <paramref name="parts"/> (each its denominator when flagged), or the other way round.
    /// </summary>
    private async Task<IReadOnlyList<RecordFacts>> OnlyInAsync(
        string unitCode, DateOnly from, DateOnly to, IndicatorDefinition whole, IReadOnlyList<(IndicatorDefinition Definition, bool Denominator)> parts, CancellationToken cancellationToken)
    {
        const int Most = 10_000;
        async Task<IReadOnlyList<RecordFacts>> ListAsync(IndicatorDefinition definition, bool denominator) =>
            (await engine.RecordsAsync(unitCode, definition, denominator, from, to, IndicatorStructure.AsOf, Most, cancellationToken))?.Records ?? [];
        var wholeRecords = await ListAsync(whole, false);
        var partRecords = new List<RecordFacts>();
        foreach (var (definition, denominator) in parts)
        {
            partRecords.AddRange(await ListAsync(definition, denominator));
        }

        var inParts = partRecords.Select(r => (r.RecordId, r.UnitId)).ToHashSet();
        var inWhole = wholeRecords.Select(r => (r.RecordId, r.UnitId)).ToHashSet();
        return wholeRecords.Where(r => !inParts.Contains((r.RecordId, r.UnitId)))
            .Concat(partRecords.Where(r => !inWhole.Contains((r.RecordId, r.UnitId))))
            .Take(MostRecords)
            .ToArray();
    }
}
