using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Moves;

/// <summary>
/// People in posts of a sensitive field held past their periodic change (<see cref="SensitivePosts"/>), longest held
/// first, in the units of a subtree within the caller's scope.
/// </summary>
public sealed class SensitivePostsModel(SensitivePosts posts, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text)
    : AccountabilityFilterModel(scope, caller, time, text)
{
    /// <summary>The page of posts; null when the filters are in error.</summary>
    public RegisterPage<SensitivePostRow>? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Found = await ReadAsync(filter => posts.OverdueAsync(filter, PageNumber, PageSize, cancellationToken), cancellationToken);
}
