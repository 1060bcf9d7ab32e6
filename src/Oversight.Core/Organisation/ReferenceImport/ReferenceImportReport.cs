using Oversight.Imports;

namespace Oversight.Organisation.ReferenceImport;

/// <summary>What an import did to one kind of row.</summary>
/// <param name="Planned">Rows the reference data yields.</param>
/// <param name="Created">Planned rows that were missing and were added.</param>
/// <param name="Updated">Planned rows that existed with other values and were corrected.</param>
/// <param name="Unchanged">Planned rows that existed as planned.</param>
/// <param name="Removed">Rows of an earlier import that the reference data no longer yields.</param>
public sealed record ReferenceImportCounts(int Planned, int Created, int Updated, int Unchanged, int Removed)
{
    public static readonly ReferenceImportCounts None = new(0, 0, 0, 0, 0);
}

public enum ReferenceFindingKind
{
    /// <summary>The reference files say something odd or incomplete; the message says what was recorded.</summary>
    Quirk,

    /// <summary>Lineage recorded with <see cref="LineageLink.Uncertain"/> set, for an administrator to settle.</summary>
    Uncertain,
}

/// <summary>Something an administrator should know about the reference data, in plain words.</summary>
public sealed record ReferenceImportFinding(ReferenceFindingKind Kind, string Message);

/// <summary>
/// The outcome of <see cref="ReferenceImporter.ImportAsync"/>: row counts per kind, findings about the data, and
/// the errors that stopped it (then nothing was written). An error in a JSON file names the element by
/// its JSON path; in the CSV, by row and column.
/// </summary>
public sealed record ReferenceImportReport(
    ReferenceImportCounts Units,
    ReferenceImportCounts Versions,
    ReferenceImportCounts LineageEvents,
    ReferenceImportCounts LineageLinks,
    IReadOnlyList<ReferenceImportFinding> Findings,
    IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>True when the run wrote nothing because everything was already as planned.</summary>
    public bool ChangedNothing => Succeeded && new[] { Units, Versions, LineageEvents, LineageLinks }.All(c => c.Created + c.Updated + c.Removed == 0);

    internal static ReferenceImportReport Failed(IReadOnlyList<ImportError> errors) =>
        new(ReferenceImportCounts.None, ReferenceImportCounts.None, ReferenceImportCounts.None, ReferenceImportCounts.None, [], errors);
}
