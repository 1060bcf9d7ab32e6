using System.Globalization;
using Oversight.Accounts;
using Oversight.Organisation;
using Oversight.Text;

namespace Oversight.Indicators;

/// <summary>How a claim compares with the records and with its own arithmetic, from best to worst.</summary>
public enum ClaimVerdict
{
    Consistent,
    Rounding,
    Unverifiable,
    Inconsistent,
}

/// <summary>The verdicts as reports and pages name them.</summary>
public static class ClaimVerdicts
{
    public static string Name(this ClaimVerdict verdict, bool english) => (verdict, english) switch
    {
        (ClaimVerdict.Consistent, false) => "khớp",
        (ClaimVerdict.Rounding, false) => "chênh lệch do làm tròn",
        (ClaimVerdict.Unverifiable, false) => "không đối chiếu được",
        (ClaimVerdict.Inconsistent, false) => "không khớp",
        (ClaimVerdict.Consistent, true) => "consistent",
        (ClaimVerdict.Rounding, true) => "rounding difference",
        (ClaimVerdict.Unverifiable, true) => "unverifiable",
        _ => "inconsistent",
    };
}

/// <summary>One finding of a check, in both languages (numbers as each writes them).</summary>
public sealed record ClaimReason(ClaimVerdict Verdict, string Vi, string En)
{
    public string Text(bool english) => english ? En : Vi;
}

/// <summary>A claim, what the records give for it (null when no indicator gives it), and the verdict with its reasons.</summary>
public sealed record ClaimCheck(ReportedFigure Claim, UnitSnapshot Unit, IndicatorDefinition? Indicator, IndicatorValue? Computed, IReadOnlyList<ClaimReason> Reasons)
{
    /// <summary>The worst of the reasons: inconsistent if any check fails, else unverifiable, else rounding, else consistent.</summary>
    public ClaimVerdict Verdict => Reasons.Max(r => r.Verdict);
}

public sealed record ReconciliationResult(UnitSnapshot Unit, DateOnly From, DateOnly To, IReadOnlyList<ClaimCheck> Checks);

/// <summary>
/// Compares every claim of a unit's subtree about a period that overlaps [from, to] with the value its indicator gives from
/// the records for the claim's own unit and period, and with the claim's own arithmetic (a stated rate against its
/// stated numerator and denominator).
/// </summary>
/// <remarks>
/// A value is consistent when the computed one, rounded to the decimals the report wrote, is the written one; a
/// rounding difference when the report truncated it (81.86% written 81.8%) or rounded it another common way
/// (<see cref="Compare"/>); inconsistent otherwise. A count must be equal, or above ("more than") or not below ("at least") a stated
/// bound. A claim is unverifiable when no indicator gives it or no record counts towards it (nothing to divide by, or
/// a count of 0): the figure may be right, but the records cannot say.
/// </remarks>
public sealed class Reconciliation(CallerScope scope, IndicatorEngine engine, ReportedFigures claims)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The checks of the claims of the unit's subtree in the period; null when the unit does not exist then for the caller.</summary>
    public async Task<ReconciliationResult?> ReconcileAsync(string unitCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var units = SubtreeUnits.Resolve(graph, await scope.FilterAsync(cancellationToken), unitCode, [to, from]);
        if (units?.Unit is not { } unit)
        {
            return null;
        }

        var checks = new List<ClaimCheck>();
        foreach (var group in (await claims.OverlappingAsync(units.UnitIds, from, to, cancellationToken)).GroupBy(c => (c.UnitId, c.From, c.To)))
        {
            var claimUnit = graph.At(group.Key.UnitId, group.Key.To) ?? graph.Latest(group.Key.UnitId)!;
            var indicators = group.Select(c => c.IndicatorCode is { } code ? engine.Catalog.Find(code) : null).OfType<IndicatorDefinition>().DistinctBy(i => i.Code).ToArray();
            var values = indicators.Length == 0 ? null
                : await engine.ForUnitAsync(claimUnit.Code, group.Key.From, group.Key.To, IndicatorStructure.AsOf, indicators, cancellationToken);
            foreach (var claim in group)
            {
                var indicator = claim.IndicatorCode is { } code ? engine.Catalog.Find(code) : null;
                var computed = values?.Values.FirstOrDefault(v => v.Definition.Code == indicator?.Code);
                checks.Add(new ClaimCheck(claim, claimUnit, indicator, computed, Check(claim, indicator, computed)));
            }
        }

        return new ReconciliationResult(unit, from, to, checks);
    }

    /// <summary>The reasons for a claim's verdict: its own arithmetic, then its comparison with the records.</summary>
    public static IReadOnlyList<ClaimReason> Check(ReportedFigure claim, IndicatorDefinition? indicator, IndicatorValue? computed)
    {
        var figure = WrittenFigure.Parse(claim.Written) ?? throw new InvalidOperationException($"Claim {claim.Reference} holds '{claim.Written}', which is not a figure.");
        var reasons = new List<ClaimReason>();
        if (claim.StatedNumerator is { } numerator && claim.StatedDenominator is { } denominator && figure.Percent)
        {
            var exact = 100m * numerator / denominator;
            var verdict = Compare(figure, exact);
            reasons.Add(Reason(verdict, figure, exact, (c, e) => $"{Count(numerator, c)}/{Count(denominator, c)} = {e}", Arithmetic));
        }

        if (indicator is null || computed is null)
        {
            reasons.Add(new ClaimReason(ClaimVerdict.Unverifiable,
                "Không có chỉ tiêu nào tính số liệu này từ hồ sơ; không đối chiếu được.",
                "No indicator gives this figure from the records; it cannot be checked."));
            return reasons;
        }

        if (computed.Value is not { } value || (indicator.Unit == IndicatorUnit.Count && computed.Numerator == 0))
        {
            reasons.Add(new ClaimReason(ClaimVerdict.Unverifiable,
                $"Không có hồ sơ nào tính vào chỉ tiêu {indicator.Code} trong kỳ; không đối chiếu được.",
                $"No record counts towards {indicator.Code} in the period; it cannot be checked."));
            return reasons;
        }

        if (indicator.Unit != IndicatorUnit.Count)
        {
            string Records(CultureInfo c, string e) => $"{Count(computed.Numerator, c)}/{Count(computed.Denominator ?? 0, c)} = {e}";
            reasons.Add(Reason(Compare(figure, (decimal)value), figure, (decimal)value, Records, Recorded));
            if (claim.StatedNumerator is { } stated && claim.StatedDenominator is { } statedOf && (stated, statedOf) != (computed.Numerator, computed.Denominator))
            {
                reasons.Add(new ClaimReason(ClaimVerdict.Inconsistent,
                    $"Báo cáo ghi {Count(stated, Vietnamese)}/{Count(statedOf, Vietnamese)}, hồ sơ cho {Count(computed.Numerator, Vietnamese)}/{Count(computed.Denominator ?? 0, Vietnamese)}.",
                    $"The report states {Count(stated, English)}/{Count(statedOf, English)}; the records give {Count(computed.Numerator, English)}/{Count(computed.Denominator ?? 0, English)}."));
            }

            return reasons;
        }

        var count = computed.Numerator;
        var bound = figure.Value;
        var holds = claim.Comparison switch
        {
            ClaimComparison.MoreThan => count > bound,
            ClaimComparison.AtLeast => count >= bound,
            _ => count == bound,
        };
        var (boundVi, boundEn) = claim.Comparison switch
        {
            ClaimComparison.MoreThan => ("hơn ", "more than "),
            ClaimComparison.AtLeast => ("ít nhất ", "at least "),
            _ => ("", ""),
        };
        reasons.Add(holds
            ? new ClaimReason(ClaimVerdict.Consistent,
                $"Hồ sơ cho {Count(count, Vietnamese)}, đúng như báo cáo ({boundVi}{claim.Written}).",
                $"The records give {Count(count, English)}, as the report says ({boundEn}{claim.Written}).")
            : new ClaimReason(ClaimVerdict.Inconsistent,
                $"Hồ sơ cho {Count(count, Vietnamese)}, không phải {boundVi}{claim.Written} như báo cáo.",
                $"The records give {Count(count, English)}, not {boundEn}{claim.Written} as the report says."));
        return reasons;
    }

    /// <summary>
    /// Consistent when <paramref name="exact"/> rounded half away from zero at the written decimals is the written
    /// value; a rounding difference when the written value is <paramref name="exact"/> truncated, rounded half to
    /// even, or rounded in two steps (first to one more decimal); inconsistent otherwise.
    /// </summary>
    public static ClaimVerdict Compare(WrittenFigure figure, decimal exact)
    {
        var decimals = figure.Decimals;
        if (Math.Round(exact, decimals, MidpointRounding.AwayFromZero) == figure.Value)
        {
            return ClaimVerdict.Consistent;
        }

        decimal[] roundings =
        [
            Math.Round(exact, decimals, MidpointRounding.ToZero),
            Math.Round(exact, decimals, MidpointRounding.ToEven),
            Math.Round(Math.Round(exact, decimals + 1, MidpointRounding.AwayFromZero), decimals, MidpointRounding.AwayFromZero),
        ];
        return roundings.Contains(figure.Value) ? ClaimVerdict.Rounding : ClaimVerdict.Inconsistent;
    }

    private static readonly (string Vi, string En)[] Arithmetic =
    [
        ("Phép tính của báo cáo: {0}, đúng với {1}.", "The report's arithmetic: {0}, as written ({1})."),
        ("Phép tính của báo cáo: {0}; báo cáo làm tròn thành {1}.", "The report's arithmetic: {0}; the report rounds it to {1}."),
        ("", ""),
        ("Phép tính của báo cáo sai: {0}, không phải {1}.", "The report's arithmetic is wrong: {0}, not {1}."),
    ];

    private static readonly (string Vi, string En)[] Recorded =
    [
        ("Hồ sơ cho {0}, đúng với {1}.", "The records give {0}, as written ({1})."),
        ("Hồ sơ cho {0}; báo cáo làm tròn thành {1}.", "The records give {0}; the report rounds it to {1}."),
        ("", ""),
        ("Hồ sơ cho {0}, không phải {1}.", "The records give {0}, not {1}."),
    ];

    private static ClaimReason Reason(ClaimVerdict verdict, WrittenFigure figure, decimal exact, Func<CultureInfo, string, string> what, (string Vi, string En)[] wording)
    {
        var decimals = Math.Max(1, figure.Decimals);
        string Written(double number, int places, CultureInfo culture) =>
            figure.Percent ? Formats.Percentage(number, places, culture) : Formats.Decimal(number, places, culture);
        string Text(string format, CultureInfo culture) => string.Format(
            culture, format, what(culture, Written((double)exact, decimals, culture)), Written((double)figure.Value, figure.Decimals, culture));
        return new ClaimReason(verdict, Text(wording[(int)verdict].Vi, Vietnamese), Text(wording[(int)verdict].En, English));
    }

    private static string Count(long value, CultureInfo culture) => Formats.Number(value, culture);
}
