using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Organisation;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Directives;

/// <summary>Records a directive (<see cref="DirectiveRequest"/>, checked by <see cref="AccountabilityRecords"/>); its page on success.</summary>
public sealed class NewModel(AccountabilityRecords records, TimeProvider time, IStringLocalizer<Strings> text) : RecordFormModel(text)
{
    [BindProperty]
    public string? Symbol { get; set; }

    [BindProperty]
    public string? IssuingUnit { get; set; }

    [BindProperty]
    public string? IssuingBody { get; set; }

    [BindProperty]
    public string? IssuedOn { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    /// <summary>The directive's summary (not <c>Summary</c>: that is the form's error summary).</summary>
    [BindProperty(Name = "summary")]
    public string? SummaryText { get; set; }

    [BindProperty]
    public string? DisseminationDueOn { get; set; }

    [BindProperty]
    public string? AppliedWith { get; set; }

    public void OnGet() => IssuedOn = IsoDate.Format(VietnamTime.Today(time));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => Saved(
        await records.CreateDirectiveAsync(
            new DirectiveRequest(Symbol, IssuingUnit, IssuingBody, IssuedOn, Title, SummaryText, DisseminationDueOn, VietnameseText.Entries(AppliedWith)),
            cancellationToken),
        directive => $"/directives/{directive.Id}");
}
