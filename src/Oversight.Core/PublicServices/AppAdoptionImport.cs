using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Text;

namespace Oversight.PublicServices;

/// <summary>
/// Imports an app operator's list of the staff who installed an app for citizens (the city's citizen app, or any other),
/// matched by person and app: a new pair adds an installation, a known one corrects its days when they differ. Each
/// person must hold a post or membership within the caller's scope. All or nothing, in one transaction.
/// </summary>
/// <remarks>
/// Installations are the operator's records, not Oversight's: the import is audited as one entry (the file's name and
/// SHA-256, the installations added, changed and unchanged), and the facts of the posts their holders hold change with
/// them in the same transaction. The pairs a file names are held in memory to find one given twice: a list of staff
/// grows with the staff, not with time.
/// </remarks>
public sealed class AppAdoptionImport(OversightDbContext db, CallerScope scope, Caller caller, TimeProvider time, ImportSettings settings)
    : SpreadsheetImport(caller, time, settings)
{
    public const int AppLength = 40;

    private const int Chunk = 500;

    public override string Name => "app-adoption";

    public override bool AdministratorsOnly => false;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("person", "DV-000107", "The person's code (import people first); the person must hold a post or membership within your scope. Required."),
        new("app", "ihanoi", "The app's code: lower-case letters, digits and hyphens. Required."),
        new("installed_on", "2024-05-20", "The day the person installed the app, YYYY-MM-DD. Required."),
        new("activated_on", "2024-05-21", "The day the person's account in the app was activated, YYYY-MM-DD; not before installed_on; empty while it is not."),
    ];

    private sealed record Row(string Person, string App, DateOnly InstalledOn, DateOnly? ActivatedOn, RowCells Cells);

    protected override async Task<ImportResult> ImportAsync(TabularTable table, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new ImportErrors();
        var rows = new List<Row>();
        var firstRowOf = new Dictionary<(string Person, string App), int>();
        var checkedRows = 0;
        foreach (var source in table.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ImportProgress.Report(progress, ImportStage.Checking, ++checkedRows, table.RowCount);
            var cells = errors.Cells(source);
            if (Read(cells) is not { } row)
            {
                continue;
            }

            if (firstRowOf.TryGetValue((row.Person, row.App), out var first))
            {
                cells.Error("app", ImportMessages.SameKeyAsRow, $"{row.Person}, {row.App}", first);
                continue;
            }

            firstRowOf[(row.Person, row.App)] = source.Number;
            rows.Add(row);
        }

        var people = await PeopleWithinScopeAsync(rows.Select(r => r.Person), cancellationToken);
        foreach (var row in rows.Where(r => !people.ContainsKey(r.Person)))
        {
            row.Cells.Error("person", ImportMessages.PersonNotFound, row.Person);
        }

        if (errors.Count > 0)
        {
            return errors.Result(table.File, table.RowCount, dryRun);
        }

        var (added, changed, unchanged) = (0, 0, 0);
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        var written = 0;
        foreach (var chunk in rows.Chunk(Chunk))
        {
            var ids = chunk.Select(r => people[r.Person]).Distinct().ToList();
            var stored = (await db.AppInstallations.Where(i => ids.Contains(i.PersonId)).ToListAsync(cancellationToken)).ToDictionary(i => (i.PersonId, i.App));
            foreach (var row in chunk)
            {
                if (!stored.TryGetValue((people[row.Person], row.App), out var installation))
                {
                    db.AppInstallations.Add(new AppInstallation { PersonId = people[row.Person], App = row.App, InstalledOn = row.InstalledOn, ActivatedOn = row.ActivatedOn });
                    added++;
                }
                else if (installation.InstalledOn != row.InstalledOn || installation.ActivatedOn != row.ActivatedOn)
                {
                    (installation.InstalledOn, installation.ActivatedOn) = (row.InstalledOn, row.ActivatedOn);
                    changed++;
                }
                else
                {
                    unchanged++;
                }
            }

            // The installations are not audited a row at a time; the save changes the facts of their holders' posts.
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            written += chunk.Length;
            ImportProgress.Report(progress, ImportStage.Writing, written, rows.Count);
        }

        IReadOnlyList<ImportTally> tallies = [new ImportTally("app-installations", added, changed, unchanged)];
        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            await AuditAsOneEntryAsync(db, nameof(AppInstallation), table, tallies, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new ImportResult(table.File, table.RowCount, dryRun, [], tallies);
    }

    /// <summary>A row's values; null when a cell is wrong (reported).</summary>
    private Row? Read(RowCells cells)
    {
        var person = cells.Required("person", 64);
        var app = cells.Required("app", AppLength);
        var installedOn = cells.RequiredDate("installed_on");
        var activatedOn = cells.Date("activated_on");
        if (app is not null && !app.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            cells.Error("app", ImportMessages.NotAnAppCode, app);
        }

        if (installedOn is { } installed)
        {
            if (installed > Today)
            {
                cells.Error("installed_on", ImportMessages.AfterToday, IsoDate.Format(installed), IsoDate.Format(Today));
            }

            if (activatedOn < installed)
            {
                cells.Error("activated_on", ImportMessages.EndBeforeStart, IsoDate.Format(activatedOn.Value), "installed_on", IsoDate.Format(installed));
            }
        }

        return cells.HasErrors ? null : new Row(person!, app!, installedOn!.Value, activatedOn, cells);
    }

    /// <summary>The ids of the people among <paramref name="codes"/> who hold a post or membership within the caller's scope, by code.</summary>
    private async Task<Dictionary<string, Guid>> PeopleWithinScopeAsync(IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var within = await scope.FilterAsync(cancellationToken);
        var people = await ImportQueries.ByKeysAsync(
            codes,
            slice => db.People.AsNoTracking().Where(p => slice.Contains(p.Code)).Select(p => new
            {
                p.Code,
                p.Id,
                Posts = p.Positions.Select(q => q.UnitId).ToList(),
                Branches = p.Memberships.Select(m => m.BranchId).ToList(),
            }),
            cancellationToken);
        return people.Where(p => within.IsEverything || p.Posts.Any(within.Contains) || p.Branches.Any(within.Contains))
            .ToDictionary(p => p.Code, p => p.Id, StringComparer.Ordinal);
    }
}
