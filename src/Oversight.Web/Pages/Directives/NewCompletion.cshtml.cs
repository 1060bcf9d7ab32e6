using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Records;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Directives;

/// <summary>Records or corrects a unit's study of a directive (<see cref="AccountabilityRecords.RecordCompletionAsync"/>).</summary>
public sealed class NewCompletionModel(AccountabilityRecords records, DirectiveChain chain, CallerScope scope, Caller caller, IStringLocalizer<Strings> text) : DirectiveFormModel(chain, text)
{
    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? CompletedOn { get; set; }

    [BindProperty]
    public string? MembersReached { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Unit = await Reception.NewModel.OwnUnitCodeAsync(scope, caller, cancellationToken);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var members = Reception.NewModel.Count(MembersReached, "membersReached", errors, most: 1_000_000);
        return SaveAboutAsync(
            LoadAsync(id, cancellationToken),
            $"/directives/{id}#directive-dissemination",
            async () => errors.Count > 0
                ? new RecordResult<DisseminationCompletion>(null, errors)
                : await records.RecordCompletionAsync(new DisseminationCompletionRequest(Directive.Symbol, Unit, CompletedOn, members), cancellationToken: cancellationToken));
    }
}
