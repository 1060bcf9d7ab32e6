using Microsoft.EntityFrameworkCore;
using Oversight.Data;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Accountability;

public sealed partial class AccountabilityRecords
{
    private const int DirectiveTaskTextLength = 4000;

    /// <summary>The highest number a directive's task may have.</summary>
    public const int MostDirectiveTasks = 999;

    /// <summary>
    /// Records a task of a directive, or corrects its text and deadline: the directive and the number are its key.
    /// Written by those who may correct the directive (its issuing unit within their scope).
    /// </summary>
    public async Task<RecordResult<DirectiveTask>> RecordDirectiveTaskAsync(DirectiveTaskRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var directive = await RequiredDirectiveAsync(request.Directive, "directive", errors, cancellationToken);
        if (directive is not null && !await MayWriteAsync(directive.IssuingUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        int? number = null;
        if (request.Number is null)
        {
            errors.Add(RecordMessages.Required.For("number"));
        }
        else
        {
            number = RequestFields.Count(request.Number, "number", 1, MostDirectiveTasks, errors);
        }

        var text = RequestFields.Text(request.Text, "text", DirectiveTaskTextLength, errors, required: true, multiline: true);
        var dueOn = OptionalDate(request.DueOn, "dueOn", errors);
        After(dueOn, "dueOn", directive?.IssuedOn, "issuedOn", errors);
        if (errors.Count > 0 || directive is null || number is null || text is null)
        {
            return new(null, errors);
        }

        var task = await db.Set<DirectiveTask>().FirstOrDefaultAsync(t => t.DirectiveId == directive.Id && t.Number == number, cancellationToken);
        return task is null
            ? await AddAsync(new DirectiveTask { DirectiveId = directive.Id, Number = number.Value, Text = text, DueOn = dueOn }, cancellationToken)
            : await db.SaveEditAsync(task, expectedStamp, errors, () => (task.Text, task.DueOn) = (text, dueOn), cancellationToken);
    }

    /// <summary>A task of a directive, by symbol and number; null when there is none.</summary>
    public Task<DirectiveTask?> FindDirectiveTaskAsync(string symbol, int number, CancellationToken cancellationToken = default) =>
        db.Set<DirectiveTask>().AsNoTracking().FirstOrDefaultAsync(
            t => t.Number == number && db.Directives.Any(d => d.Id == t.DirectiveId && d.Symbol == VietnameseText.Normalize(symbol)), cancellationToken);
}
