using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.People;

namespace Oversight.Imports;

/// <summary>
/// A column of an import file: its header name, a value for the template's example row, and what it holds. An
/// <paramref name="Optional"/> column may be left out of the header; the import then leaves what it holds as it was.
/// </summary>
public sealed record ImportColumn(string Name, string Example, string Description, bool Optional = false);

/// <summary>
/// An import of one kind of record from a spreadsheet (CSV or XLSX): its columns, its template, and the import
/// itself, all or nothing. The CLI (<c>import NAME FILE</c>) and the imports page find every import here by
/// <see cref="Name"/>.
/// </summary>
/// <remarks>
/// Imports of the organisation (units, people) are administrators' work: they name units anywhere in the tree, so
/// a caller that is not an administrator gets an error and nothing is read. Imports of a unit's own registers
/// (<see cref="AdministratorsOnly"/> false) are open to any signed-in caller, each row within the caller's scope.
/// A file is read row by row (<see cref="TabularReader"/>) and refused when it has more data rows than
/// <see cref="ImportSettings.MaxRows"/>.
/// </remarks>
public abstract class SpreadsheetImport(Caller caller, TimeProvider time, ImportSettings settings)
{
    /// <summary>What the import loads, as the CLI and the template file name say it: <c>units</c>, <c>people</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The columns the header must have (but the optional ones), in template order; further columns are allowed and ignored.</summary>
    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Whether only administrators may run the import; otherwise every row must lie within the caller's scope.</summary>
    public virtual bool AdministratorsOnly => true;

    /// <summary>Today in Vietnam: the date a code is resolved on when a row gives none.</summary>
    protected DateOnly Today => VietnamTime.Today(time);

    /// <summary>The template: the header and one example row, as <c>NAME.csv</c> or <c>NAME.xlsx</c>.</summary>
    public byte[] Template(TabularFormat format) => TabularTemplate.Write(format, Name, Columns);

    /// <summary>
    /// Reads the file, checks every row, and, when nothing is wrong and this is not a dry run, writes every row in
    /// one transaction. Rows whose records already hold the same values write nothing, so importing a file twice
    /// changes nothing the second time. <paramref name="fileName"/> names the file in errors and gives its format
    /// (<c>.csv</c> or <c>.xlsx</c>); <paramref name="content"/> is read more than once, so it must be seekable (a file,
    /// or bytes in memory); <paramref name="progress"/> hears how far it has come.
    /// </summary>
    public async Task<ImportResult> ImportAsync(
        string fileName, Stream content, bool dryRun, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (AdministratorsOnly && !caller.IsAdministrator)
        {
            return ImportResult.Failed(fileName, 0, dryRun, [ImportMessages.AdministratorsOnly.At(fileName, 0, null, Name)]);
        }

        progress?.Report(new ImportProgress(ImportStage.Reading, 0, 0));
        var read = TabularReader.Read(fileName, content, Columns.Where(c => !c.Optional).Select(c => c.Name).ToArray(), settings.MaxRows, cancellationToken);
        if (read.Table is not { } table)
        {
            return ImportResult.Failed(fileName, 0, dryRun, read.Errors);
        }

        progress?.Report(new ImportProgress(ImportStage.Checking, 0, table.RowCount));
        return await ImportAsync(table, dryRun, progress, cancellationToken);
    }

    /// <summary>
    /// Checks and writes the rows of a table whose header has every column in <see cref="Columns"/>, reporting rows
    /// checked and written to <paramref name="progress"/>.
    /// </summary>
    protected abstract Task<ImportResult> ImportAsync(TabularTable table, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Audits an import of another system's records (a portal's dossiers, a published index) as one entry on
    /// <paramref name="entityType"/>: the file's name and SHA-256 and what it added, changed and left unchanged
    /// (<paramref name="tallies"/>). A file that changed nothing is not audited: importing it again leaves no trace, as
    /// every import.
    /// </summary>
    protected static async Task AuditAsOneEntryAsync(OversightDbContext db, string entityType, TabularTable table, IReadOnlyList<ImportTally> tallies, CancellationToken cancellationToken)
    {
        if (tallies.All(t => t.Created + t.Updated == 0))
        {
            return;
        }

        await db.AuditEventAsync("import", entityType, table.File, unitId: null, new
        {
            file = table.File,
            sha256 = table.Sha256,
            rows = table.RowCount,
            tallies = tallies.Select(t => new { records = t.Records, added = t.Created, changed = t.Updated, unchanged = t.Unchanged }),
        }, cancellationToken);
    }

    /// <summary>
    /// The day a row's codes are resolved on: the row's start; without one, today, or the row's end when that is
    /// already past.
    /// </summary>
    protected DateOnly ReferenceDate(DateOnly? from, DateOnly? to) =>
        from ?? (to is { } end && end < Today ? end : Today);
}

/// <summary>Every spreadsheet import, by name.</summary>
public sealed class ImportCatalog(IEnumerable<SpreadsheetImport> imports)
{
    public IReadOnlyList<SpreadsheetImport> All { get; } = imports.ToArray();

    public SpreadsheetImport? Find(string name) => All.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
}

public static class ImportServices
{
    /// <summary>Registers every spreadsheet import and the <see cref="ImportCatalog"/>.</summary>
    public static IServiceCollection AddOversightImports(this IServiceCollection services)
    {
        services.AddScoped<UnitImport>();
        services.AddScoped<PeopleImport>();
        services.AddScoped<SpreadsheetImport>(s => s.GetRequiredService<UnitImport>());
        services.AddScoped<SpreadsheetImport>(s => s.GetRequiredService<PeopleImport>());
        services.AddScoped<SpreadsheetImport, Petitions.CaseImport>();
        services.AddScoped<SpreadsheetImport, Petitions.ReceptionSessionImport>();
        services.AddScoped<SpreadsheetImport, Petitions.DialogueMeetingImport>();
        services.AddScoped<SpreadsheetImport, Accountability.DirectiveImport>();
        services.AddScoped<SpreadsheetImport, Accountability.DisseminationImport>();
        services.AddScoped<SpreadsheetImport, Accountability.InspectionImport>();
        services.AddScoped<SpreadsheetImport, Accountability.DisciplineImport>();
        services.AddScoped<SpreadsheetImport, Accountability.PersonnelMoveImport>();
        services.AddScoped<SpreadsheetImport, Accountability.DisseminationCompletionImport>();
        services.AddScoped<SpreadsheetImport, Accountability.ManifestationImport>();
        services.AddScoped<SpreadsheetImport, Accountability.DirectiveTaskImport>();
        services.AddScoped<SpreadsheetImport, Accountability.FindingImport>();
        services.AddScoped<SpreadsheetImport, Accountability.FollowUpTaskImport>();
        services.AddScoped<SpreadsheetImport, Indicators.ClaimImport>();
        services.AddScoped<SpreadsheetImport, PublicServices.DossierImport>();
        services.AddScoped<SpreadsheetImport, PublicServices.AppAdoptionImport>();
        services.AddScoped<Scores.IndexDefinitionImport>();
        services.AddScoped<Scores.IndexScoreImport>();
        services.AddScoped<SpreadsheetImport>(s => s.GetRequiredService<Scores.IndexDefinitionImport>());
        services.AddScoped<SpreadsheetImport>(s => s.GetRequiredService<Scores.IndexScoreImport>());
        services.AddScoped<ImportCatalog>();
        services.AddScoped<ImportJobs>();
        return services;
    }
}

/// <summary>Loads the records a file names, a slice of keys at a time (database parameter limits).</summary>
internal static class ImportQueries
{
    private const int Slice = 500;

    public static async Task<List<T>> ByKeysAsync<TKey, T>(IEnumerable<TKey> keys, Func<TKey[], IQueryable<T>> query, CancellationToken cancellationToken)
    {
        var result = new List<T>();
        foreach (var slice in keys.Distinct().Chunk(Slice))
        {
            result.AddRange(await query(slice).ToListAsync(cancellationToken));
        }

        return result;
    }
}
