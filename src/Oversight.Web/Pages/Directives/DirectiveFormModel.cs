using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Directives;

/// <summary>A form about one directive (a unit's study of it, an entry of its appendix): the directive; see <see cref="RecordFormModel.SaveAboutAsync"/> for saving it.</summary>
public abstract class DirectiveFormModel(DirectiveChain chain, IStringLocalizer<Strings> text) : RecordFormModel(text)
{
    public Directive Directive { get; private set; } = null!;

    /// <summary>Reads the directive; false when it does not exist.</summary>
    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await chain.FindAsync(id, cancellationToken) is not { } directive)
        {
            return false;
        }

        Directive = directive;
        return true;
    }
}
