using Oversight.Data;

namespace Oversight.Organisation.ReferenceImport;

/// <summary>
/// Loads Vietnam's administrative units from the reference data embedded in Oversight (the 2024-11 and
/// 2025-03 releases, the 2025-07 mapping and the curated known-lineage.csv) into one effective-dated tree with
/// lineage. Safe to repeat: a second run changes nothing.
/// </summary>
/// <remarks>
/// All or nothing: the files are read and checked, the whole structure is planned in memory, then written in
/// one transaction. What the files leave open is reported as findings (and uncertain links), never guessed
/// silently. The rules are in the README of <c>Organisation/ReferenceData</c>.
/// </remarks>
public sealed class ReferenceImporter
{
    private readonly ReferencePlanWriter writer;
    private readonly Func<ReferenceSources> sources;

    public ReferenceImporter(OversightDbContext db)
        : this(db, ReferenceSources.Embedded)
    {
    }

    /// <summary>An importer of other inputs than the embedded files (tests feed it small synthetic ones).</summary>
    internal ReferenceImporter(OversightDbContext db, Func<ReferenceSources> sources)
    {
        writer = new ReferencePlanWriter(db);
        this.sources = sources;
    }

    /// <summary>Imports the reference data; on any error in the inputs nothing is written and the report lists the errors.</summary>
    public async Task<ReferenceImportReport> ImportAsync(CancellationToken cancellationToken = default)
    {
        var (inputs, errors) = await ReferenceReader.ReadAsync(sources(), cancellationToken);
        if (inputs is null)
        {
            return ReferenceImportReport.Failed(errors);
        }

        var plan = ReferencePlanner.Build(inputs);
        if (plan.Errors.Count > 0)
        {
            return ReferenceImportReport.Failed(plan.Errors);
        }

        return await writer.WriteAsync(plan, cancellationToken);
    }
}
