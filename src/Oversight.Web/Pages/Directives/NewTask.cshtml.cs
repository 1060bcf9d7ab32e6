using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Petitions;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Directives;

/// <summary>Records or corrects a task a directive sets (<see cref="AccountabilityRecords.RecordDirectiveTaskAsync"/>).</summary>
public sealed class NewTaskModel(AccountabilityRecords records, DirectiveChain chain, IStringLocalizer<Strings> text) : DirectiveFormModel(chain, text)
{
    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? DueOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var number = Reception.NewModel.Count(Number, "number", errors, most: AccountabilityRecords.MostDirectiveTasks);
        return SaveAboutAsync(
            LoadAsync(id, cancellationToken),
            $"/directives/{id}#directive-tasks",
            async () => errors.Count > 0
                ? new RecordResult<DirectiveTask>(null, errors)
                : await records.RecordDirectiveTaskAsync(new DirectiveTaskRequest(Directive.Symbol, number, Text, DueOn), cancellationToken: cancellationToken));
    }
}
