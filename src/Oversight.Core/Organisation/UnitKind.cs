namespace Oversight.Organisation;

/// <summary>What a unit is. Written on the wire in kebab case (<c>party-committee</c>).</summary>
public enum UnitKind
{
    Province,
    District,
    Commune,
    Ward,
    Town,
    SpecialZone,
    PartyCommittee,
    PartyBranch,
    PeoplesCommittee,
    PeoplesCouncil,
    Agency,
    School,
    MassOrganisation,
}

public static class UnitKinds
{
    /// <summary>Administrative units (with GSO codes), as opposed to bodies that hang under them.</summary>
    public static bool IsAdministrative(this UnitKind kind) =>
        kind is UnitKind.Province or UnitKind.District or UnitKind.Commune or UnitKind.Ward or UnitKind.Town or UnitKind.SpecialZone;

    /// <summary>
    /// Whether units of these kinds are compared with each other: the commune-level units (communes, wards, towns,
    /// special zones) are peers; other units only with units of their own kind.
    /// </summary>
    public static bool IsPeerOf(this UnitKind kind, UnitKind other) => kind == other || (kind.IsCommuneLevel() && other.IsCommuneLevel());

    private static bool IsCommuneLevel(this UnitKind kind) => kind is UnitKind.Commune or UnitKind.Ward or UnitKind.Town or UnitKind.SpecialZone;

    /// <summary>The words an administrative unit's full name starts with, and the kind each implies.</summary>
    private static readonly (string Prefix, UnitKind Kind)[] Prefixes =
    [
        ("Thành phố", UnitKind.Province), ("Tỉnh", UnitKind.Province),
        ("Quận", UnitKind.District), ("Huyện", UnitKind.District), ("Thị xã", UnitKind.District),
        ("Xã", UnitKind.Commune), ("Phường", UnitKind.Ward), ("Thị trấn", UnitKind.Town), ("Đặc khu", UnitKind.SpecialZone),
    ];

    /// <summary>The kind an administrative unit's full name implies ("Xã Tốt Động" is a commune).</summary>
    public static UnitKind? FromAdministrativeName(string fullName)
    {
        var name = fullName.Trim();
        foreach (var (prefix, kind) in Prefixes)
        {
            if (name.StartsWith(prefix + " ", StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>An administrative unit's name without the word for its kind, as documents write the place ("Xã Tốt Động" is "Tốt Động").</summary>
    public static string PlaceName(string fullName)
    {
        var name = fullName.Trim();
        return Prefixes.Select(p => p.Prefix + " ").FirstOrDefault(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix ? name[prefix.Length..] : name;
    }
}
