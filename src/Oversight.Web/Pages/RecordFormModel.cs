using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Records;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Cases;
using Oversight.Web.Pages.Reception;

namespace Oversight.Web.Pages;

/// <summary>
/// What every form that records a directive, an event, an inspection, a decision or a move does the same way: a field
/// drawn with its label (<c>Records.Field.{field}</c>, named as the request's parameter), the errors of a refused post
/// beside their fields and in the summary, the stamp of the record a correcting form was opened on, and the record's
/// page once it is saved (post-redirect-get).
/// </summary>
public abstract class RecordFormModel(IStringLocalizer<Strings> text) : PageModel
{
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>
    /// The concurrency stamp of the record the form corrects, as it was when the form was opened (a hidden field); posted
    /// back as it was, also when the form comes back with errors, so that someone else's change made meanwhile is never
    /// overwritten (<see cref="Data.RecordEdits"/>). Empty on a form that records something new.
    /// </summary>
    [BindProperty]
    public Guid? Stamp { get; set; }

    /// <summary>The pages' strings (not <c>Text</c>: forms bind a field of that name).</summary>
    protected IStringLocalizer<Strings> Localizer => text;

    public IReadOnlyList<(string? Field, string Message)> Summary => text.Summary(Errors, Label);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field) is { } error ? text.Error(error) : null;

    /// <summary>A field of the form; its id and name are the request's parameter (model binding ignores case).</summary>
    public FormField Field(string field, string? value, string? hint = null, string type = "text", bool multiline = false) =>
        new(field, field, value, Label(field) ?? field, ErrorFor(field), hint, type, multiline);

    /// <summary>A choice among an enumeration's values by their wire names.</summary>
    public FormField Choice<TEnum>(string field, string? value, string? hint = null) where TEnum : struct, Enum =>
        Field(field, value, hint) with
        {
            Options = text.Options<TEnum>(),
            Empty = text["Cases.New.Choose"],
        };

    /// <summary>The record's page when it was saved; this form again, with its errors, when it was not.</summary>
    protected IActionResult Saved<TRecord>(RecordResult<TRecord> result, Func<TRecord, string> page) where TRecord : class
    {
        if (result.Succeeded)
        {
            return Redirect(page(result.Record!));
        }

        Errors = result.Errors;
        return Page();
    }

    /// <summary>
    /// Saves a form about a record the page belongs to (an inspection's conclusion, a directive's appendix): the record
    /// must exist for the caller (404 otherwise); once saved, back to <paramref name="returnTo"/>.
    /// </summary>
    protected async Task<IActionResult> SaveAboutAsync<TRecord>(Task<bool> loaded, string returnTo, Func<Task<RecordResult<TRecord>>> save) where TRecord : class
    {
        if (!await loaded)
        {
            return NotFound();
        }

        var result = await save();
        return result.NotFound ? NotFound() : Saved(result, _ => returnTo);
    }

    private string? Label(string field) =>
        text.RecordField(field) ?? text.RecordFieldLabel(field);
}
