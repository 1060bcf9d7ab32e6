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

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Found = await FindAsync(RegisterSlice.OnePage(PageNumber, PageSize), cancellationToken);

    /// <summary>Every move the filters match, as XLSX or CSV.</summary>
    public Task<IActionResult> OnGetExportAsync(string? file, CancellationToken cancellationToken) => ExportAsync(
        file,
        "moves",
        Text["Moves.Register.Title"],
        limit => FindAsync(RegisterSlice.FirstRows(limit), cancellationToken),
        [
            new(Text["Accountability.Field.Reference"], row => row.Reference),
            new(Text["Moves.Field.EffectiveOn"], row => row.EffectiveOn),
            new(Text["Directives.Column.Person"], row => row.Person),
            new(Text["Moves.Field.Kind"], row => Text.Named(row.Kind)),
            new(Text["Moves.Field.PostKind"], row => Text.Named(row.PostKind)),
            new(Text["Field.FromTitle"], row => row.FromTitle),
            new(Text["Directives.Column.From"], row => row.From),
            new(Text["Field.ToTitle"], row => row.ToTitle),
            new(Text["Directives.Column.To"], row => row.To),
            new(Text["Moves.Field.Reason"], row => Text.Named(row.Reason)),
        ]);

    private Task<RegisterPage<MoveRow>?> FindAsync(RegisterSlice slice, CancellationToken cancellationToken)
    {
        var reason = Choice<MoveReason>(Reason, "reason");
        var post = Choice<PostKind>(Post, "post");
        return ReadAsync(filter => register.MovesAsync(filter, reason, post, slice, cancellationToken), cancellationToken);
    }
}
