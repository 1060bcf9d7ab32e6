using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Indicators;

/// <summary>
/// A claim as entered or imported: its register number, the unit (its code as of <c>To</c>), the period, the
/// indicator (empty for a figure no indicator gives), the report's words, the value as written, how it compares
/// (<c>exact</c>, <c>more-than</c>, <c>at-least</c>; empty is exact), a stated rate's numerator and denominator,
/// and the source document.
/// </summary>
public sealed record ClaimRequest(
    string? Reference,
    string? Unit,
    string? From,
    string? To,
    string? Indicator,
    string? Description,
    string? Value,
    string? Comparison,
    long? Numerator,
    long? Denominator,
    string? Source);

/// <summary>
/// The write and read side of claims, within the caller's scope: a claim is recorded for a unit the caller may act
/// for, corrected by its register number, and audited like every record.
/// </summary>
public sealed class ReportedFigures(OversightDbContext db, CallerScope scope, IndicatorCatalog catalog)
{
    private const int KeyLength = 64;

    public async Task<RecordResult<ReportedFigure>> CreateAsync(ClaimRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var reference = RequestFields.Text(request.Reference, "reference", KeyLength, errors, required: true);
        if (reference is not null && await db.ReportedFigures.AnyAsync(c => c.Reference == reference, cancellationToken))
        {
            errors.Add(RecordMessages.AlreadyRecorded.For("reference", reference));
        }

        var fields = await CheckAsync(request, errors, cancellationToken: cancellationToken);
        if (errors.Count > 0 || fields is null || reference is null)
        {
            return new(null, errors);
        }

        var claim = new ReportedFigure { Reference = reference, Description = fields.Description, Written = fields.Written, Source = fields.Source };
        fields.ApplyTo(claim);
        db.ReportedFigures.Add(claim);
        await db.SaveChangesAsync(cancellationToken);
        return new(claim, [], Changed: true);
    }

    public async Task<RecordResult<ReportedFigure>> UpdateAsync(Guid id, ClaimRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var claim = await db.ReportedFigures.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null || !(await scope.FilterAsync(cancellationToken)).Contains(claim.UnitId))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckAsync(request, errors, cancellationToken: cancellationToken);
        return await db.SaveEditAsync(claim, expectedStamp, errors, () => fields!.ApplyTo(claim), cancellationToken);
    }

    /// <summary>A claim the caller may see, by register number; null when there is none.</summary>
    public async Task<ReportedFigure?> FindAsync(string reference, CancellationToken cancellationToken = default)
    {
        var key = VietnameseText.Normalize(reference);
        var claim = await db.ReportedFigures.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == key, cancellationToken);
        return claim is not null && (await scope.FilterAsync(cancellationToken)).Contains(claim.UnitId) ? claim : null;
    }

    /// <summary>The claims of the units in <paramref name="unitIds"/> (all when null) about a period that overlaps [from, to], by period and register number.</summary>
    public async Task<IReadOnlyList<ReportedFigure>> OverlappingAsync(IReadOnlyCollection<Guid>? unitIds, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var claims = db.ReportedFigures.AsNoTracking().Where(c => c.From <= to && c.To >= from);
        if (unitIds is not null)
        {
            var ids = unitIds.ToList();
            claims = claims.Where(c => ids.Contains(c.UnitId));
        }

        return await claims.OrderBy(c => c.From).ThenBy(c => c.Reference).ToListAsync(cancellationToken);
    }

    /// <summary>A claim's fields, checked (<see cref="CheckAsync"/>).</summary>
    public sealed record ClaimFields(Guid UnitId, DateOnly From, DateOnly To, string? IndicatorCode, string Description, string Written, ClaimComparison Comparison, long? Numerator, long? Denominator, string Source)
    {
        public void ApplyTo(ReportedFigure claim)
        {
            claim.UnitId = UnitId;
            claim.From = From;
            claim.To = To;
            claim.IndicatorCode = IndicatorCode;
            claim.Description = Description;
            claim.Written = Written;
            claim.Comparison = Comparison;
            claim.StatedNumerator = Numerator;
            claim.StatedDenominator = Denominator;
            claim.Source = Source;
        }
    }

    /// <summary>
    /// Checks a claim's fields, adding an error for each that is wrong, named with <paramref name="at"/> before it
    /// (<c>figures[3].value</c>); null when any is.
    /// </summary>
    public async Task<ClaimFields?> CheckAsync(ClaimRequest request, List<FieldError> errors, string at = "", CancellationToken cancellationToken = default)
    {
        var from = RequestFields.Date(request.From, $"{at}from", errors);
        var to = RequestFields.Date(request.To, $"{at}to", errors);
        if (from > to)
        {
            errors.Add(RecordMessages.BeforeDate.For($"{at}to", to, $"{at}from", from));
        }

        var unit = await RequestFields.UnitAsync(scope, request.Unit, $"{at}unit", to, errors, cancellationToken);
        var description = RequestFields.Text(request.Description, $"{at}description", 2000, errors, required: true, multiline: true);
        var source = RequestFields.Text(request.Source, $"{at}source", 500, errors, required: true);
        var written = RequestFields.Text(request.Value, $"{at}value", 40, errors, required: true);
        var figure = WrittenFigure.Parse(written);
        if (written is not null && figure is null)
        {
            errors.Add(RecordMessages.NotAFigure.For($"{at}value", written));
        }

        var comparison = string.IsNullOrWhiteSpace(request.Comparison) ? ClaimComparison.Exact : RequestFields.Parse<ClaimComparison>(request.Comparison, $"{at}comparison", errors);
        IndicatorDefinition? indicator = null;
        var code = VietnameseText.Normalize(request.Indicator);
        if (code is not null && (indicator = catalog.Find(code)) is null)
        {
            errors.Add(RecordMessages.IndicatorNotFound.For($"{at}indicator", code));
        }

        if (indicator is not null && figure is not null && figure.Percent != (indicator.Unit == IndicatorUnit.Percent))
        {
            errors.Add((figure.Percent ? RecordMessages.IndicatorIsACount : RecordMessages.IndicatorIsAPercentage).For($"{at}value", indicator.Code));
        }

        if (figure is { Percent: true } && comparison != ClaimComparison.Exact)
        {
            errors.Add(RecordMessages.BoundOnlyForCounts.For($"{at}comparison"));
        }

        if (request.Numerator is not null != request.Denominator is not null)
        {
            errors.Add(RecordMessages.RequiredWith.For(request.Numerator is null ? $"{at}numerator" : $"{at}denominator", request.Numerator is null ? $"{at}denominator" : $"{at}numerator"));
        }
        else if (request.Numerator is { } numerator && request.Denominator is { } denominator)
        {
            if (figure is { Percent: false })
            {
                errors.Add(RecordMessages.PartsOnlyForRates.For($"{at}numerator"));
            }

            if (numerator < 0 || denominator <= 0 || numerator > denominator)
            {
                errors.Add(RecordMessages.NotAFraction.For($"{at}numerator", numerator, denominator));
            }
        }

        return errors.Count > 0 || unit is null || description is null || source is null || written is null || comparison is null
            ? null
            : new ClaimFields(unit.Id, from!.Value, to!.Value, indicator?.Code, description, written, comparison.Value, request.Numerator, request.Denominator, source);
    }
}

/// <summary>
/// Imports claims: the figures a unit's written report gives, one row each, matched by register number (a row with a
/// number already recorded corrects that claim).
/// </summary>
public sealed class ClaimImport(OversightDbContext db, ReportedFigures claims, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<ClaimImport.Row>(db, caller, time, settings)
{
    public override string Name => "claims";

    protected override string Records => "claims";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("reference", "BC-277-2024-07", "The claim's register number; a row with a number already recorded corrects that claim. Required."),
        new("unit", "277", "Code of the unit the figure is about, as of to. Required."),
        new("from", "2023-08-01", "First day of the period the figure covers, YYYY-MM-DD. Required."),
        new("to", "2024-05-31", "Last day of that period. Required."),
        new("indicator", "CIT.SECRETARY-RESOLVED", "Code of the indicator the figure is a value of (GET /api/v1/indicators); empty when no indicator gives it."),
        new("description", "Giải quyết 18/22 vụ việc thuộc thẩm quyền, đạt 81,1%", "The figure in the report's words. Required."),
        new("value", "81,1%", "The value as written: 81,1% or 11.300 (comma before decimals, dots between thousands). Required."),
        new("comparison", "exact", $"For a count, one of: {string.Join(", ", WireNames<ClaimComparison>.All)} (\"more than 11,300\"); empty is exact."),
        new("numerator", "18", "The numerator a stated rate gives; with denominator, or both empty."),
        new("denominator", "22", "The denominator a stated rate gives."),
        new("source", "Báo cáo số 215-BC/HU, tr. 4", "The document the figure is taken from, with the page or section. Required."),
    ];

    public sealed record Row(string Reference, DateOnly From, ClaimRequest Request);

    protected override string ReferenceOf(Row row) => row.Reference;

    protected override DateOnly DayOf(Row row) => row.From;

    protected override Row? Read(RowCells cells)
    {
        var reference = cells.Required("reference", 64);
        var from = cells.RequiredDate("from");
        var to = cells.RequiredDate("to");
        var numerator = cells.Integer("numerator", 0, int.MaxValue);
        var denominator = cells.Integer("denominator", 1, int.MaxValue);
        var request = new ClaimRequest(
            reference, cells.Text("unit"), Iso(from), Iso(to), cells.Text("indicator"), cells.Text("description"), cells.Text("value"),
            cells.Text("comparison"), numerator, denominator, cells.Text("source"));
        return cells.HasErrors ? null : new Row(reference!, from!.Value, request);
    }

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        return await CreateOrCorrectAsync(
            cells,
            await claims.FindAsync(row.Reference, cancellationToken),
            () => claims.CreateAsync(row.Request, cancellationToken),
            existing => claims.UpdateAsync(existing.Id, row.Request, cancellationToken: cancellationToken));
    }
}
