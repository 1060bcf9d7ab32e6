using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Discipline;

/// <summary>The register of discipline decisions: decided in the period, newest first, by deciding body, form and subject.</summary>
public sealed class IndexModel(AccountabilityRegister register, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text)
    : AccountabilityFilterModel(scope, caller, time, text)
{
    [BindProperty(SupportsGet = true, Name = "body")]
    public string? Body { get; set; }

    [BindProperty(SupportsGet = true, Name = "form")]
    public string? Form { get; set; }

    [BindProperty(SupportsGet = true, Name = "subject")]
    public string? Subject { get; set; }

    /// <summary>The page of decisions; null when the filters are in error.</summary>
    public RegisterPage<DecisionRow>? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Found = await FindAsync(RegisterSlice.OnePage(PageNumber, PageSize), cancellationToken);

    /// <summary>Every decision the filters match, as XLSX or CSV.</summary>
    public Task<IActionResult> OnGetExportAsync(string? file, CancellationToken cancellationToken) => ExportAsync(
        file,
        "discipline",
        Text["Discipline.Register.Title"],
        limit => FindAsync(RegisterSlice.FirstRows(limit), cancellationToken),
        [
            new(Text["Directives.Column.Decision"], row => row.DecisionNumber),
            new(Text["Discipline.Field.DecidedOn"], row => row.DecidedOn),
            new(Text["Discipline.Field.Body"], row => Text.Named(row.Body)),
            new(Text["Directives.Column.DecidedBy"], row => row.DecidedBy),
            new(Text["Discipline.Field.Subject"], row => Text.Named(row.Subject)),
            new(Text["Directives.Column.Subject"], row => row.SubjectName),
            new(Text["Directives.Column.Form"], row => Text.Named(row.Form)),
        ]);

    private Task<RegisterPage<DecisionRow>?> FindAsync(RegisterSlice slice, CancellationToken cancellationToken)
    {
        var body = Choice<DecidingBody>(Body, "body");
        var form = Choice<DisciplineForm>(Form, "form");
        var subject = Choice<DisciplineSubject>(Subject, "subject");
        return ReadAsync(filter => register.DecisionsAsync(filter, body, form, subject, slice, cancellationToken), cancellationToken);
    }
}
