using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Petitions;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Reception;

namespace Oversight.Web.Pages.Dialogues;

/// <summary>The dialogue register: meetings in a unit's subtree over a period, newest first, one page at a time.</summary>
public sealed class IndexModel(
    ReceptionRegister register,
    CallerScope scope,
    Caller caller,
    TimeProvider time,
    IStringLocalizer<Strings> text) : RegisterFilterModel(scope, caller, time, text)
{
    [BindProperty(SupportsGet = true, Name = "level")]
    public string? Level { get; set; }

    /// <summary>The page of meetings; null when the filters are in error.</summary>
    public RegisterPage<MeetingRow>? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = await FilterAsync(cancellationToken);
        var level = Choice<DialogueLevel>(Level, "level");
        if (filter is null || FormErrors.Count > 0)
        {
            return;
        }

        Found = await register.ListMeetingsAsync(filter, level, PageNumber, PageSize, cancellationToken);
        if (Found is null)
        {
            UnitNotFound(filter);
        }
    }
}
