using Microsoft.EntityFrameworkCore;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Accountability;

public sealed partial class AccountabilityRecords
{
    public async Task<RecordResult<PersonnelMove>> CreateMoveAsync(PersonnelMoveRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var reference = await FreeKeyAsync(request.Reference, "reference", db.PersonnelMoves.Select(m => m.Reference), errors, cancellationToken);
        var fields = await CheckMoveAsync(request, errors, cancellationToken);
        if (errors.Count > 0 || fields is null || reference is null)
        {
            return new(null, errors);
        }

        var move = new PersonnelMove { Reference = reference, FromTitle = fields.FromTitle, ToTitle = fields.ToTitle };
        fields.ApplyTo(move);
        return await AddAsync(move, cancellationToken);
    }

    public async Task<RecordResult<PersonnelMove>> UpdateMoveAsync(Guid id, PersonnelMoveRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var move = await db.PersonnelMoves.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (move is null || !await MayWriteAsync(move.FromUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckMoveAsync(request, errors, cancellationToken);
        return await CorrectAsync(move, expectedStamp, fields, errors, f => f.ApplyTo(move), cancellationToken);
    }

    /// <summary>A move the caller may change, by register number; null when there is none.</summary>
    public async Task<PersonnelMove?> FindMoveAsync(string reference, CancellationToken cancellationToken = default)
    {
        var move = await db.PersonnelMoves.AsNoTracking().FirstOrDefaultAsync(m => m.Reference == VietnameseText.Normalize(reference), cancellationToken);
        return move is not null && await MayWriteAsync(move.FromUnitId, cancellationToken) ? move : null;
    }

    private sealed record MoveFields(
        Guid PersonId, MoveKind Kind, PostKind PostKind, Guid FromUnitId, string FromTitle, Guid ToUnitId, string ToTitle,
        DateOnly EffectiveOn, MoveReason Reason, Guid? DirectiveId, Guid DecidingUnitId, string? DecisionNumber)
    {
        public void ApplyTo(PersonnelMove move)
        {
            move.PersonId = PersonId;
            move.Kind = Kind;
            move.PostKind = PostKind;
            move.FromUnitId = FromUnitId;
            move.FromTitle = FromTitle;
            move.ToUnitId = ToUnitId;
            move.ToTitle = ToTitle;
            move.EffectiveOn = EffectiveOn;
            move.Reason = Reason;
            move.DirectiveId = DirectiveId;
            move.DecidingUnitId = DecidingUnitId;
            move.DecisionNumber = DecisionNumber;
        }
    }

    private async Task<MoveFields?> CheckMoveAsync(PersonnelMoveRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var effectiveOn = RequestFields.PastDate(request.EffectiveOn, "effectiveOn", Today, errors);
        var kind = RequestFields.Parse<MoveKind>(request.Kind, "kind", errors);
        var postKind = RequestFields.Parse<PostKind>(request.PostKind, "postKind", errors);
        var reason = RequestFields.Parse<MoveReason>(request.Reason, "reason", errors);
        var fromTitle = RequestFields.Text(request.FromTitle, "fromTitle", 300, errors, required: true);
        var toTitle = RequestFields.Text(request.ToTitle, "toTitle", 300, errors, required: true);
        var decisionNumber = RequestFields.Text(request.DecisionNumber, "decisionNumber", KeyLength, errors, required: false);
        var fromUnit = await RequestFields.UnitAsync(scope, request.FromUnit, "fromUnit", effectiveOn, errors, cancellationToken);
        var toUnit = await RequestFields.UnitAsync(scope, request.ToUnit, "toUnit", effectiveOn, errors, cancellationToken);
        var decidingUnit = await RequestFields.UnitAsync(scope, request.DecidingUnit, "decidingUnit", effectiveOn, errors, cancellationToken);
        var person = await PersonIdAsync(request.Person, "person", errors, cancellationToken);

        var symbol = VietnameseText.Normalize(request.Directive);
        var directive = await DirectiveIdAsync(symbol, "directive", errors, cancellationToken);
        if (reason == MoveReason.UnderDirective && symbol is null)
        {
            errors.Add(RecordMessages.RequiredWhen.For("directive", "reason", WireNames<MoveReason>.ToWire(MoveReason.UnderDirective)));
        }
        else if (reason is { } other && other != MoveReason.UnderDirective && symbol is not null)
        {
            errors.Add(RecordMessages.OnlyWhen.For("directive", "reason", WireNames<MoveReason>.ToWire(MoveReason.UnderDirective)));
        }

        return errors.Count > 0
            ? null
            : new MoveFields(person!.Value, kind!.Value, postKind!.Value, fromUnit!.Id, fromTitle!, toUnit!.Id, toTitle!, effectiveOn!.Value,
                reason!.Value, directive, decidingUnit!.Id, decisionNumber);
    }
}
