using Oversight.Imports;
using Oversight.Text;

namespace Oversight.Organisation.ReferenceImport;

/// <summary>A unit identity the reference data yields, with the natural key its row id is derived from.</summary>
internal sealed class PlannedUnit(string key, string code, DateOnly? validFrom)
{
    public string Key { get; } = key;

    public string Code { get; } = code;

    public DateOnly? ValidFrom { get; } = validFrom;

    public DateOnly? ValidTo { get; set; }

    public List<PlannedVersion> Versions { get; } = [];

    public PlannedVersion Current => Versions[^1];

    /// <summary>Code and current name, as messages name a unit: "10096 Xã Đồng Phú".</summary>
    public string Label => $"{Code} {Current.Name}";
}

internal sealed class PlannedVersion(PlannedUnit unit, string name, UnitKind kind, PlannedUnit? parent, DateOnly? validFrom)
{
    public PlannedUnit Unit { get; } = unit;

    public string Name { get; } = name;

    public UnitKind Kind { get; } = kind;

    public PlannedUnit? Parent { get; } = parent;

    public DateOnly? ValidFrom { get; } = validFrom;

    public DateOnly? ValidTo { get; set; }

    public string Key => $"version|{Unit.Key}|{StructurePlan.KeyDate(ValidFrom)}";
}

/// <summary>A lineage event; its key names the unit it formed (or renamed, or moved) and the date, one event per unit and date.</summary>
internal sealed class PlannedEvent(string key, LineageKind kind, DateOnly date, string legalBasis, string source, string? note)
{
    public string Key { get; } = key;

    public LineageKind Kind { get; } = kind;

    public DateOnly Date { get; } = date;

    public string LegalBasis { get; } = legalBasis;

    public string Source { get; } = source;

    public string? Note { get; set; } = note;

    public List<PlannedLink> Links { get; } = [];

    public void Link(PlannedUnit predecessor, PlannedUnit successor, bool partial, bool uncertain) =>
        Links.Add(new PlannedLink(this, predecessor, successor, partial, uncertain));
}

internal sealed record PlannedLink(PlannedEvent Event, PlannedUnit Predecessor, PlannedUnit Successor, bool Partial, bool Uncertain)
{
    public string Key => $"{Event.Key}|link|{Predecessor.Key}";
}

/// <summary>
/// The effective-dated structure the reference data yields, built in date order: units begin, change version and
/// end; lineage events link them. Findings and errors are collected on the way.
/// </summary>
internal sealed class StructurePlan
{
    private readonly HashSet<string> unitKeys = new(StringComparer.Ordinal);

    public List<PlannedUnit> Units { get; } = [];

    public List<PlannedEvent> Events { get; } = [];

    public List<ReferenceImportFinding> Findings { get; } = [];

    public List<ImportError> Errors { get; } = [];

    public static string KeyDate(DateOnly? date) => date is { } day ? IsoDate.Format(day) : "origin";

    /// <summary>A new identity carrying <paramref name="code"/> from <paramref name="from"/> (null: before the records begin).</summary>
    public PlannedUnit Begin(string code, DateOnly? from, string name, UnitKind kind, PlannedUnit? parent)
    {
        var unit = new PlannedUnit($"unit|{KeyDate(from)}|{code}", code, from);
        if (!unitKeys.Add(unit.Key))
        {
            throw new InvalidOperationException($"The reference plan made unit {unit.Key} twice.");
        }

        unit.Versions.Add(new PlannedVersion(unit, name, kind, parent, from));
        Units.Add(unit);
        return unit;
    }

    /// <summary>Gives the unit a new version from <paramref name="date"/> when its name, kind or parent differs; true when it did.</summary>
    public static bool Revise(PlannedUnit unit, DateOnly date, string name, UnitKind kind, PlannedUnit? parent)
    {
        var current = unit.Current;
        if (current.Name == name && current.Kind == kind && current.Parent == parent)
        {
            return false;
        }

        current.ValidTo = date.AddDays(-1);
        unit.Versions.Add(new PlannedVersion(unit, name, kind, parent, date));
        return true;
    }

    /// <summary>Ends the unit (and its current version) on the day before <paramref name="date"/>.</summary>
    public static void End(PlannedUnit unit, DateOnly date)
    {
        unit.ValidTo = date.AddDays(-1);
        unit.Current.ValidTo = unit.ValidTo;
    }

    public PlannedEvent Event(LineageKind kind, DateOnly date, PlannedUnit subject, string legalBasis, string source, string? note)
    {
        var lineage = new PlannedEvent($"event|{KeyDate(date)}|{subject.Key}", kind, date, legalBasis, source, note);
        Events.Add(lineage);
        return lineage;
    }

    /// <summary>A rename or move: the unit keeps its identity, and the event links it to itself.</summary>
    public void IdentityEvent(PlannedUnit unit, DateOnly date, bool moved, string? note, string legalBasis, string source)
    {
        var lineage = Event(moved ? LineageKind.Move : LineageKind.Rename, date, unit, legalBasis, source, note);
        lineage.Link(unit, unit, partial: false, uncertain: false);
    }

    public void Quirk(string message) => Findings.Add(new ReferenceImportFinding(ReferenceFindingKind.Quirk, message));

    public void Uncertain(string message) => Findings.Add(new ReferenceImportFinding(ReferenceFindingKind.Uncertain, message));
}
