using Microsoft.EntityFrameworkCore;
using Oversight.Data;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Accountability;

public sealed partial class AccountabilityRecords
{
    public async Task<RecordResult<Directive>> CreateDirectiveAsync(DirectiveRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var symbol = await FreeKeyAsync(request.Symbol, "symbol", db.Directives.Select(d => d.Symbol), errors, cancellationToken);
        var fields = await CheckDirectiveAsync(request, symbol, errors, cancellationToken);
        if (errors.Count > 0 || fields is null || symbol is null)
        {
            return new(null, errors);
        }

        var directive = new Directive { Symbol = symbol, IssuingBody = fields.IssuingBody, Title = fields.Title };
        fields.ApplyTo(directive);
        db.Directives.Add(directive);
        await LinkDirectivesAsync(directive, fields.AppliedWith, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new(directive, [], Changed: true);
    }

    public async Task<RecordResult<Directive>> UpdateDirectiveAsync(Guid id, DirectiveRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var directive = await db.Directives.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (directive is null || !await MayWriteAsync(directive.IssuingUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckDirectiveAsync(request, directive.Symbol, errors, cancellationToken);
        return await db.SaveEditAsync(directive, expectedStamp, errors, () =>
        {
            fields!.ApplyTo(directive);
            return LinkDirectivesAsync(directive, fields.AppliedWith, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>A directive the caller may change, by symbol; null when there is none.</summary>
    public async Task<Directive?> FindDirectiveAsync(string symbol, CancellationToken cancellationToken = default)
    {
        var directive = await db.Directives.AsNoTracking().FirstOrDefaultAsync(d => d.Symbol == VietnameseText.Normalize(symbol), cancellationToken);
        return directive is not null && await MayWriteAsync(directive.IssuingUnitId, cancellationToken) ? directive : null;
    }

    private sealed record DirectiveFields(Guid? IssuingUnitId, string IssuingBody, DateOnly IssuedOn, string Title, string? Summary, DateOnly? DueOn, IReadOnlySet<Guid> AppliedWith)
    {
        public void ApplyTo(Directive directive)
        {
            directive.IssuingUnitId = IssuingUnitId;
            directive.IssuingBody = IssuingBody;
            directive.IssuedOn = IssuedOn;
            directive.Title = Title;
            directive.Summary = Summary;
            directive.DisseminationDueOn = DueOn;
        }
    }

    private async Task<DirectiveFields?> CheckDirectiveAsync(DirectiveRequest request, string? symbol, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var issuedOn = RequestFields.PastDate(request.IssuedOn, "issuedOn", Today, errors);
        var issuingBody = RequestFields.Text(request.IssuingBody, "issuingBody", 300, errors, required: true);
        var title = RequestFields.Text(request.Title, "title", 500, errors, required: true);
        var summary = RequestFields.Text(request.Summary, "summary", 4000, errors, required: false, multiline: true);
        var dueOn = OptionalDate(request.DisseminationDueOn, "disseminationDueOn", errors);
        After(dueOn, "disseminationDueOn", issuedOn, "issuedOn", errors);
        var unit = await RequestFields.UnitAsync(scope, request.IssuingUnit, "issuingUnit", issuedOn, errors, cancellationToken, required: false);
        if (VietnameseText.Normalize(request.IssuingUnit) is null && !(await scope.FilterAsync(cancellationToken)).IsEverything)
        {
            errors.Add(RecordMessages.Required.For("issuingUnit"));
        }

        var appliedWith = new HashSet<Guid>();
        var symbols = RequestFields.List(request.AppliedWith);
        var others = await db.Directives.AsNoTracking().Where(d => symbols.Contains(d.Symbol)).Select(d => new { d.Id, d.Symbol, d.IssuedOn }).ToListAsync(cancellationToken);
        foreach (var other in symbols)
        {
            var found = others.FirstOrDefault(d => d.Symbol == other);
            if (found is null)
            {
                errors.Add(RecordMessages.DirectiveNotFound.For("appliedWith", other));
            }
            else if (issuedOn is { } day && symbol is not null && !Earlier(found.IssuedOn, found.Symbol, day, symbol))
            {
                errors.Add(RecordMessages.NotAnEarlierDirective.For("appliedWith", other));
            }
            else
            {
                appliedWith.Add(found.Id);
            }
        }

        return errors.Count > 0 ? null : new DirectiveFields(unit?.Id, issuingBody!, issuedOn!.Value, title!, summary, dueOn, appliedWith);
    }

    /// <summary>Directives are ordered by issue date, then symbol; a link belongs to the later one.</summary>
    private static bool Earlier(DateOnly issuedOn, string symbol, DateOnly thanIssuedOn, string thanSymbol) =>
        issuedOn < thanIssuedOn || (issuedOn == thanIssuedOn && string.CompareOrdinal(symbol, thanSymbol) < 0);

    /// <summary>Makes the directive's links to earlier directives exactly <paramref name="earlier"/>, on both sides, touching only those that change.</summary>
    private async Task LinkDirectivesAsync(Directive directive, IReadOnlySet<Guid> earlier, CancellationToken cancellationToken)
    {
        var links = db.Set<DirectiveLink>();
        var current = await links.Where(l => l.DirectiveId == directive.Id || l.OtherDirectiveId == directive.Id).ToListAsync(cancellationToken);
        var linked = current.Select(l => l.DirectiveId == directive.Id ? l.OtherDirectiveId : l.DirectiveId).ToHashSet();
        var dates = await db.Directives.AsNoTracking().Where(d => linked.Contains(d.Id)).Select(d => new { d.Id, d.Symbol, d.IssuedOn }).ToListAsync(cancellationToken);
        var managed = dates.Where(d => Earlier(d.IssuedOn, d.Symbol, directive.IssuedOn, directive.Symbol)).Select(d => d.Id).ToHashSet();
        links.RemoveRange(current.Where(l => managed.Contains(l.DirectiveId) || managed.Contains(l.OtherDirectiveId))
            .Where(l => !earlier.Contains(l.DirectiveId == directive.Id ? l.OtherDirectiveId : l.DirectiveId)));
        foreach (var other in earlier.Where(other => !linked.Contains(other)))
        {
            links.Add(new DirectiveLink { DirectiveId = directive.Id, OtherDirectiveId = other });
            links.Add(new DirectiveLink { DirectiveId = other, OtherDirectiveId = directive.Id });
        }
    }
}
