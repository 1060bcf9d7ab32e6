using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Inspections;

/// <summary>The register of inspections and supervisions: those decided in the period, newest first, as far as the caller's scope reaches.</summary>
public sealed class IndexModel(AccountabilityRegister register, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text)
    : AccountabilityFilterModel(scope, caller, time, text)
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    /// <summary>The page of inspections; null when the filters are in error.</summary>
    public RegisterPage<InspectionRow>? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var kind = Choice<InspectionKind>(Kind, "kind");
        Found = await ReadAsync(filter => register.InspectionsAsync(filter, kind, PageNumber, PageSize, cancellationToken), cancellationToken);
    }
}
