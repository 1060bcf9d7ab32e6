using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Petitions;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Directives;

/// <summary>A form about one directive (a unit's study of it, an entry of its appendix): the directive, and its page once saved.</summary>
public abstract class DirectiveFormModel(DirectiveChain chain, IStringLocalizer<Strings> text) : RecordFormModel(text)
{
    public Directive Directive { get; private set; } = null!;

    /// <summary>Reads the directive; false (and 404) when it does not exist.</summary>
    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await chain.FindAsync(id, cancellationToken) is not { } directive)
        {
            return false;
        }

        Directive = directive;
        return true;
    }

    /// <summary>Saves through <paramref name="save"/> and returns to the directive's page at <paramref name="section"/>; the form with its errors when refused.</summary>
    protected async Task<IActionResult> SaveAsync<TRecord>(Guid id, string section, Func<Task<RecordResult<TRecord>>> save, CancellationToken cancellationToken)
        where TRecord : class
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await save();
        return result.NotFound ? NotFound() : Saved(result, _ => $"/directives/{id}#{section}");
    }
}
