using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Tasks;

/// <summary>
/// The register of follow-up tasks, latest due first, with the warnings of the filter's units at the top: overdue and
/// due soon, per unit and per inspection.
/// </summary>
public sealed class IndexModel(AccountabilityRegister register, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text)
    : AccountabilityFilterModel(scope, caller, time, text)
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    /// <summary>The page of tasks; null when the filters are in error.</summary>
    public RegisterPage<TaskRow>? Found { get; private set; }

    public TaskWarnings? Warnings { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var state = Choice<TaskState>(Status, "status");
        Found = await ReadAsync(filter => register.TasksAsync(filter, state, PageNumber, PageSize, cancellationToken), cancellationToken);
        if (Found is not null)
        {
            Warnings = await ReadAsync(filter => register.TaskWarningsAsync(filter, cancellationToken), cancellationToken);
        }
    }
}
