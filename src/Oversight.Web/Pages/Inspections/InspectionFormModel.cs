using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Inspections;

/// <summary>A form about one inspection (its conclusion, a finding, a task): the inspection it is about; see <see cref="RecordFormModel.SaveAboutAsync"/> for saving it.</summary>
public abstract class InspectionFormModel(DirectiveChain chain, IStringLocalizer<Strings> text) : RecordFormModel(text)
{
    public InspectionView View { get; private set; } = null!;

    public Inspection Inspection => View.Item.Inspection;

    /// <summary>Reads the inspection; false when it does not exist for the caller.</summary>
    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await chain.InspectionAsync(id, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }
}
