using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>What the case register searches: never a denouncer's identity, which is only ever stored encrypted.</summary>
internal static class CaseSearch
{
    public static string TextOf(CitizenCase citizenCase) =>
        VietnameseText.SearchText($"{citizenCase.Reference} {citizenCase.Subject} {citizenCase.PetitionerName}");
}
