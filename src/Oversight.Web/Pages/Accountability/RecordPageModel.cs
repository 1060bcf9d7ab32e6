using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Accountability;

/// <summary>A page of one accountability record (a decision, a move, an event) with its history from the audit trail.</summary>
public abstract class RecordPageModel(AccountabilityRegister register, IStringLocalizer<Strings> text) : PageModel
{
    public IReadOnlyList<AuditChangeView> Changes { get; private set; } = [];

    protected AccountabilityRegister Register => register;

    /// <summary>Reads the history of a record the caller may see; <paramref name="ownKey"/> is the key by which its parts point at it.</summary>
    protected async Task ReadHistoryAsync<TRecord>(Guid id, string ownKey, CancellationToken cancellationToken) =>
        Changes = await AuditChanges.OfRecordAsync<TRecord>(register, id, ownKey, text, cancellationToken);
}
