using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Oversight.Text;

namespace Oversight.Indicators;

/// <summary>The areas of a report, in the order the seed report takes them.</summary>
public enum IndicatorArea
{
    Dissemination,
    Inspection,
    Discipline,
    Personnel,
    Citizens,
    FollowUp,

    /// <summary>Administrative procedures and public services: the groups of the national index of service quality (Decision 766/QĐ-TTg).</summary>
    PublicServices,
}

/// <summary>
/// What a value is: a count (numerator alone), a percentage (numerator ÷ denominator × 100) or an average
/// (numerator ÷ denominator: a sum of scores over the records scored).
/// </summary>
public enum IndicatorUnit
{
    Count,
    Percent,
    Average,
}

public enum IndicatorDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>
/// Who may see the values of a unit's peers in a ranking. A peer inside the caller's scope always shows its values,
/// and every peer shows its rank; the unit's own value and rank are always shown.
/// </summary>
/// <remarks>
/// Some figures are confidential to each unit's own line of oversight: how many denunciations a commune received,
/// how many of its members were disciplined. A neighbouring commune's officer learns where their own unit stands,
/// not the neighbour's figure. The values run from the widest to the narrowest.
/// </remarks>
public enum PeerVisibility
{
    /// <summary>Whoever may see the ranking sees every peer's values.</summary>
    Public,

    /// <summary>Leaders and inspectors see every peer's values; officers only those of the peers in their scope.</summary>
    Peers,

    /// <summary>Every caller sees the values of the peers in their scope only, whatever their role.</summary>
    Scope,
}

/// <summary>
/// A count or a sum over a record set, with filters on its facts: "cases within jurisdiction brought to the Party
/// secretary", "people at reception sessions hosted by a chairman".
/// </summary>
/// <param name="Records">The record set.</param>
/// <param name="Sum">The measure summed (its name in definitions); null to count records.</param>
/// <param name="Where">The filters as written, fact name → allowed values in the file's words ("party-secretary", true).</param>
/// <param name="Filter">The filters as a predicate on the set's facts (compiled once, run over the stored records).</param>
public sealed record Quantity(IRecordSet Records, string? Sum, IReadOnlyDictionary<string, IReadOnlyList<string>> Where, LambdaExpression Filter)
{
    /// <summary>The filters in one canonical text (<c>hostRole=party-secretary;withinJurisdiction=true</c>): quantities with the same one count the same records.</summary>
    public string FilterKey { get; } = string.Join(';', Where
        .OrderBy(w => w.Key, StringComparer.Ordinal)
        .Select(w => w.Key + "=" + string.Join('|', w.Value.Order(StringComparer.Ordinal))));

    /// <summary>
    /// The quantity over a period is the sum of its quantities over the period's months: the set takes records by their
    /// day in the period and no filter reads a record's state at the period's end (<see cref="StateAtEndAttribute"/>).
    /// </summary>
    public bool AddsUp => Records.Cohort == RecordCohort.InPeriod
        && Where.Keys.All(fact => Records.Facts.TryGetValue(fact, out var property) && property.GetCustomAttribute<StateAtEndAttribute>() is null);
}

/// <summary>
/// An indicator: what it is called, what it counts (its numerator) and out of what (its denominator, for a
/// percentage), which way is better and the target, if any. Values roll up by summing numerators and
/// denominators, never by averaging rates. A breakdown is part of a headline figure (by kind, status, host or body):
/// computed and listed like any other, used by the summaries, not shown on the dashboard, in rankings or the report.
/// Its peer visibility says who sees the values of the unit's peers in a ranking.
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    IndicatorArea Area,
    string NameVi,
    string NameEn,
    IndicatorUnit Unit,
    IndicatorDirection Direction,
    double? Target,
    Quantity Numerator,
    Quantity? Denominator,
    bool Breakdown = false,
    PeerVisibility PeerVisibility = PeerVisibility.Public,
    LegalSource? Source = null)
{
    public string Name(bool english) => english ? NameEn : NameVi;

    /// <summary>Its numerator and denominator over a period are the sums of theirs over the period's months (<see cref="Quantity.AddsUp"/>).</summary>
    public bool AddsUp => Numerator.AddsUp && Denominator?.AddsUp != false;

    /// <summary>The value of a numerator and denominator: the count, the percentage or the average (null when the denominator is 0).</summary>
    public double? ValueOf(long numerator, long? denominator) => Unit switch
    {
        IndicatorUnit.Count => numerator,
        _ when denominator is not > 0 => null,
        IndicatorUnit.Percent => 100.0 * numerator / denominator.Value,
        _ => (double)numerator / denominator.Value,
    };

    /// <summary>The target as the culture writes it (<c>85%</c>, <c>4,5</c>, <c>0</c>); null when there is none.</summary>
    public string? TargetText(CultureInfo? culture = null) => Target is not { } target ? null : Unit switch
    {
        IndicatorUnit.Percent => Formats.Percentage(target, 0, culture),
        IndicatorUnit.Average => Formats.Decimal(target, 1, culture),
        _ => Formats.Number((long)target, culture),
    };

    /// <summary>Whether <paramref name="value"/> is better than <paramref name="other"/> for this indicator.</summary>
    public int Compare(double value, double other) => Direction == IndicatorDirection.HigherIsBetter ? value.CompareTo(other) : other.CompareTo(value);
}

/// <summary>
/// A check the figures must pass: a total that must equal the sum of its parts, or records that must not exist
/// (more attended than invited). Each percentage indicator is also checked: numerator ≤ denominator.
/// </summary>
public sealed record ValidationRule(string Code, string NameVi, string NameEn, string? Total, IReadOnlyList<string> Parts, Quantity? None)
{
    public string Name(bool english) => english ? NameEn : NameVi;
}
