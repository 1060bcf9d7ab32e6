using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Moves;

/// <summary>The register of personnel moves: effective in the period, newest first, by reason and kind of post.</summary>
public sealed class IndexModel(AccountabilityRegister register, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text)
    : AccountabilityFilterModel(scope, caller, time, text)
{
    [BindProperty(SupportsGet = true, Name = "reason")]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true, Name = "post")]
    public string? Post { get; set; }

    /// <summary>The page of moves; null when the filters are in error.</summary>
    public RegisterPage<MoveRow>? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reason = Choice<MoveReason>(Reason, "reason");
        var post = Choice<PostKind>(Post, "post");
        Found = await ReadAsync(filter => register.MovesAsync(filter, reason, post, PageNumber, PageSize, cancellationToken), cancellationToken);
    }
}
