using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Text;
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
        Found = await FindAsync(RegisterSlice.OnePage(PageNumber, PageSize), cancellationToken);

    /// <summary>Every post held past its change in the filter's units, as XLSX or CSV.</summary>
    public Task<IActionResult> OnGetExportAsync(string? file, CancellationToken cancellationToken) => ExportAsync(
        file,
        "sensitive-posts",
        Text["Moves.SensitivePosts.Title"],
        limit => FindAsync(RegisterSlice.FirstRows(limit), cancellationToken),
        [
            new(Text["Directives.Column.Person"], row => row.Person),
            new(Text["Field.Title"], row => row.Title),
            new(Text["Cases.Field.Unit"], row => row.Unit),
            new(Text["Position.SensitiveField"], row => Text.SensitiveField(row.Field)),
            new(Text["Moves.SensitivePosts.Since"], row => row.From),
            new(Text["Moves.SensitivePosts.DueOn"], row => row.DueOn),
            new(Text["Moves.SensitivePosts.Rule"], row => Text["Moves.SensitivePosts.RuleText", Formats.Number((int)row.Rule.Value.Value), row.Rule.Value.Citation].Value),
        ]);

    private Task<RegisterPage<SensitivePostRow>?> FindAsync(RegisterSlice slice, CancellationToken cancellationToken) =>
        ReadAsync(filter => posts.OverdueAsync(filter, slice, cancellationToken), cancellationToken);
}
