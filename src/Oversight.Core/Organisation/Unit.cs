namespace Oversight.Organisation;

/// <summary>
/// A unit's identity over its lifetime: a code and the days it existed. What it was called,
/// what kind it was and where it hung on a given day are its <see cref="UnitVersion"/>s.
/// </summary>
/// <remarks>
/// GSO codes are reused (10096 was Xã Đồng Phú, then Xã Hồng Phú, then Xã Hòa Phú), so a code names a
/// unit only together with a date. Dates are inclusive; a null bound is open.
/// </remarks>
public sealed class Unit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Code { get; init; }

    /// <summary>First day the unit existed; null when it existed before the records begin.</summary>
    public DateOnly? ValidFrom { get; set; }

    /// <summary>Last day the unit existed; null while it exists.</summary>
    public DateOnly? ValidTo { get; set; }

    public List<UnitVersion> Versions { get; } = [];

    public bool IsValidOn(DateOnly day) => Dates.Covers(ValidFrom, ValidTo, day);
}

/// <summary>A unit's name, kind and parent over a period.</summary>
public sealed class UnitVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UnitId { get; init; }

    public required string Name { get; set; }

    /// <summary><see cref="Name"/> folded for search (no diacritics, đ as d, lower case).</summary>
    public string SearchName { get; set; } = string.Empty;

    public UnitKind Kind { get; set; }

    public Guid? ParentId { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public bool IsValidOn(DateOnly day) => Dates.Covers(ValidFrom, ValidTo, day);
}

/// <summary>Inclusive date ranges with open ends.</summary>
public static class Dates
{
    public static bool Covers(DateOnly? from, DateOnly? to, DateOnly day) =>
        (from is null || from.Value <= day) && (to is null || day <= to.Value);

    public static bool Overlap(DateOnly? fromA, DateOnly? toA, DateOnly? fromB, DateOnly? toB) =>
        (fromA is null || toB is null || fromA.Value <= toB.Value) && (fromB is null || toA is null || fromB.Value <= toA.Value);
}
