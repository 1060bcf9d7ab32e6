using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Petitions;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Inspections;

/// <summary>A form about one inspection (its conclusion, a finding, a task): the inspection it is about, and its page once saved.</summary>
public abstract class InspectionFormModel(DirectiveChain chain, IStringLocalizer<Strings> text) : RecordFormModel(text)
{
    public InspectionView View { get; private set; } = null!;

    public Inspection Inspection => View.Item.Inspection;

    /// <summary>Reads the inspection; false (and 404) when it does not exist for the caller.</summary>
    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await chain.InspectionAsync(id, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }

    /// <summary>Saves through <paramref name="save"/> and returns to the inspection's page at <paramref name="section"/>; the form with its errors when refused.</summary>
    protected async Task<IActionResult> SaveAsync<TRecord>(Guid id, string section, Func<Task<RecordResult<TRecord>>> save, CancellationToken cancellationToken)
        where TRecord : class
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await save();
        return result.NotFound ? NotFound() : Saved(result, _ => $"/inspections/{id}#{section}");
    }
}
