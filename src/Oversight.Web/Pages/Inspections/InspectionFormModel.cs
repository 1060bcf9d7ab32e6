using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Inspections;

/// <summary>
/// A form about one inspection (its conclusion, a finding, a task), which only the inspecting body records: the
/// inspection it is about; see <see cref="RecordFormModel.SaveAboutAsync"/> for saving it.
/// </summary>
public abstract class InspectionFormModel(AccountabilityRecords records, DirectiveChain chain, IStringLocalizer<Strings> text) : RecordFormModel(text)
{
    public InspectionView View { get; private set; } = null!;

    /// <summary>Where the form's record is saved.</summary>
    protected AccountabilityRecords Records => records;

    public Inspection Inspection => View.Item.Inspection;

    /// <summary>Reads the inspection; false when it does not exist for the caller, or the caller does not act for the body that decided it.</summary>
    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await chain.InspectionAsync(id, cancellationToken) is not { } view
            || !await records.MayChangeInspectionAsync(view.Item.Inspection.DecidingUnitId, cancellationToken))
        {
            return false;
        }

        View = view;
        return true;
    }
}
