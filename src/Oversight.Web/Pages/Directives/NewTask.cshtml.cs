using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Records;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Directives;

/// <summary>
/// Records or corrects a task a directive sets (<see cref="AccountabilityRecords.RecordDirectiveTaskAsync"/>); opened on a
/// task (<c>?number=</c>), it shows the task as it is and corrects that copy.
/// </summary>
public sealed class NewTaskModel(AccountabilityRecords records, DirectiveChain chain, IStringLocalizer<Strings> text) : DirectiveFormModel(chain, text)
{
    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? DueOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (number is { } shown && await records.FindDirectiveTaskAsync(Directive.Symbol, shown, cancellationToken) is { } task)
        {
            (Number, Text, DueOn, Stamp) = (task.Number.ToString(CultureInfo.InvariantCulture), task.Text, task.DueOn is { } due ? IsoDate.Format(due) : null, task.ConcurrencyStamp);
        }

        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var number = Reception.NewModel.Count(Number, "number", errors, most: AccountabilityRecords.MostDirectiveTasks);
        return SaveAboutAsync(
            LoadAsync(id, cancellationToken),
            $"/directives/{id}#directive-tasks",
            async () => errors.Count > 0
                ? new RecordResult<DirectiveTask>(null, errors)
                : await records.RecordDirectiveTaskAsync(new DirectiveTaskRequest(Directive.Symbol, number, Text, DueOn), Stamp, cancellationToken));
    }
}
