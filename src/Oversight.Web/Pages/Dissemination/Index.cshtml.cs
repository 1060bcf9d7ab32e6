using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Dissemination;

/// <summary>The register of dissemination events: held in the period, newest first, online or in person.</summary>
public sealed class IndexModel(AccountabilityRegister register, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text)
    : AccountabilityFilterModel(scope, caller, time, text)
{
    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    /// <summary>The page of events; null when the filters are in error.</summary>
    public RegisterPage<EventRow>? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var format = Choice<EventFormat>(Format, "format");
        Found = await ReadAsync(filter => register.EventsAsync(filter, format, PageNumber, PageSize, cancellationToken), cancellationToken);
    }
}
