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
        Found = await FindAsync(RegisterSlice.OnePage(PageNumber, PageSize), cancellationToken);
        if (Found is not null)
        {
            Warnings = await ReadAsync(filter => register.TaskWarningsAsync(filter, cancellationToken), cancellationToken);
        }
    }

    /// <summary>Every task the filters match, as XLSX or CSV.</summary>
    public Task<IActionResult> OnGetExportAsync(string? file, CancellationToken cancellationToken) => ExportAsync(
        file,
        "tasks",
        Text["Tasks.Register.Title"],
        limit => FindAsync(RegisterSlice.FirstRows(limit), cancellationToken),
        [
            new(Text["Accountability.Field.Reference"], row => row.Reference),
            new(Text["Directives.Column.Due"], row => row.DueOn),
            new(Text["Tasks.Field.Owner"], row => row.Owner),
            new(Text["Tasks.Field.Description"], row => row.Description),
            new(Text["Tasks.Field.Inspection"], row => row.InspectionReference),
            new(Text["Directives.Column.Status"], row => Text.Named(row.Status)),
            new(Text["Tasks.Field.DoneOn"], row => row.DoneOn),
            new(Text["Directives.Column.Overdue"], row => Text.YesNo(row.Overdue)),
        ]);

    private Task<RegisterPage<TaskRow>?> FindAsync(RegisterSlice slice, CancellationToken cancellationToken)
    {
        var state = Choice<TaskState>(Status, "status");
        return ReadAsync(filter => register.TasksAsync(filter, state, slice, cancellationToken), cancellationToken);
    }
}
