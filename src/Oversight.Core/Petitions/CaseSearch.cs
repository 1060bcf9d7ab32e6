using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>What the case register searches: never a denouncer's identity, which is only ever stored encrypted.</summary>
internal static class CaseSearch
{
    private const int MaxLength = 800;

    public static string TextOf(CitizenCase citizenCase)
    {
        var text = VietnameseText.Fold($"{citizenCase.Reference} {citizenCase.Subject} {citizenCase.PetitionerName}");
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }
}
