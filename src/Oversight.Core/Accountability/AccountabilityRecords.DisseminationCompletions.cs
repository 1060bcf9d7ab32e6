using Microsoft.EntityFrameworkCore;
using Oversight.Data;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Accountability;

public sealed partial class AccountabilityRecords
{
    /// <summary>
    /// Records a unit's study of a directive, or corrects it: the directive and the unit are its key. The unit is
    /// resolved on the day completed (while not completed, on the directive's dissemination deadline, or its issue
    /// day) and must lie within the caller's scope.
    /// </summary>
    public async Task<RecordResult<DisseminationCompletion>> RecordCompletionAsync(DisseminationCompletionRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var completedOn = RequestFields.OptionalPastDate(request.CompletedOn, "completedOn", Today, errors);
        var membersReached = RequestFields.Count(request.MembersReached, "membersReached", 0, MostPeople, errors);
        var directive = await RequiredDirectiveAsync(request.Directive, "directive", errors, cancellationToken);
        After(completedOn, "completedOn", directive?.IssuedOn, "issuedOn", errors);
        var day = completedOn is null && !string.IsNullOrWhiteSpace(request.CompletedOn) ? null : completedOn ?? directive?.DisseminationDueOn ?? directive?.IssuedOn;
        var unit = await RequestFields.UnitAsync(scope, request.Unit, "unit", day, errors, cancellationToken);
        if (errors.Count > 0 || directive is null || unit is null)
        {
            return new(null, errors);
        }

        var completion = await db.DisseminationCompletions.FirstOrDefaultAsync(c => c.DirectiveId == directive.Id && c.UnitId == unit.Id, cancellationToken);
        return completion is null
            ? await AddAsync(new DisseminationCompletion { DirectiveId = directive.Id, UnitId = unit.Id, CompletedOn = completedOn, MembersReached = membersReached!.Value }, cancellationToken)
            : await db.SaveEditAsync(completion, expectedStamp, errors, () => (completion.CompletedOn, completion.MembersReached) = (completedOn, membersReached!.Value), cancellationToken);
    }

    /// <summary>
    /// A unit's study of a directive, the unit being one within the caller's scope and its code resolved as
    /// <see cref="RecordCompletionAsync"/> resolves it; null when none is recorded.
    /// </summary>
    public async Task<DisseminationCompletion?> FindCompletionAsync(string symbol, string unitCode, DateOnly? completedOn, CancellationToken cancellationToken = default)
    {
        var directive = await db.Directives.AsNoTracking().FirstOrDefaultAsync(d => d.Symbol == VietnameseText.Normalize(symbol), cancellationToken);
        var unit = directive is null
            ? null
            : await RequestFields.UnitAsync(scope, unitCode, "unit", completedOn ?? directive.DisseminationDueOn ?? directive.IssuedOn, [], cancellationToken);
        return unit is null
            ? null
            : await db.DisseminationCompletions.AsNoTracking().FirstOrDefaultAsync(c => c.DirectiveId == directive!.Id && c.UnitId == unit.Id, cancellationToken);
    }
}
