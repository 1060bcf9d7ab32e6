using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Organisation;
using Oversight.Text;

namespace Oversight.Scores;

/// <summary>
/// Imports the scores an index gave units: one row per index, year, unit and component (empty for the total). A
/// component's score is derived from its parts when the file gives every part and not the component, and checked
/// against them when it gives both; so a file of the sub-criteria gives the criteria, the areas and the total.
/// </summary>
/// <remarks>
/// <para>Each row's unit is a GSO code as of the end of the year, of a kind the index scores, within the caller's
/// scope; the index's year must be defined (<see cref="IndexDefinitionImport"/>) and the component in its tree; a score
/// lies between 0 and the component's maximum. A unit's year in the file replaces what was recorded for it (a
/// component the file leaves out loses its score, counted as updated); the same file twice changes nothing. All or
/// nothing, in one transaction; audited as one entry (the file's name and SHA-256, the scores added, changed and
/// unchanged), like the portal's dossiers: scores are external figures, not Oversight's records.</para>
/// <para>Rows are read from the file as they are enumerated; a unit's year must be seen whole before its totals are
/// derived, so the checked rows are kept, a few dozen bytes each (a city's index of its communes over a year is some
/// tens of thousands of rows; <see cref="ImportSettings.MaxRows"/> bounds a file).</para>
/// </remarks>
public sealed class IndexScoreImport(OversightDbContext db, CallerScope scope, Caller caller, TimeProvider time, ImportSettings settings)
    : SpreadsheetImport(caller, time, settings)
{
    public override string Name => "scores";

    public override bool AdministratorsOnly => false;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("index", "HN-PAR-DISTRICT", "The index's code (import index defines it). Required."),
        new("year", "2023", "The year assessed. Required."),
        new("unit", "277", "GSO code of the unit scored, as of the end of the year. Required."),
        new("component", "3.1", "The component's code; empty for the total. A component given with all its parts must be their sum."),
        new("score", "1.75", "The score, from 0 to the component's maximum, at most two decimals. Required."),
    ];

    protected override async Task<ImportResult> ImportAsync(TabularTable table, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        var result = await LoadAsync(db, await scope.GraphAsync(cancellationToken), await scope.FilterAsync(cancellationToken), table, progress, cancellationToken);
        if (!result.Succeeded || dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return result with { DryRun = dryRun };
        }

        await AuditAsOneEntryAsync(db, nameof(IndexScore), table, result.Tallies, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Reads and checks the scores in <paramref name="table"/> (units within <paramref name="within"/>) and, when nothing is
    /// wrong, writes them in the transaction the caller holds.
    /// </summary>
    internal static async Task<ImportResult> LoadAsync(
        OversightDbContext db, UnitGraph graph, ScopeFilter within, TabularTable table, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new ImportErrors();
        var definitions = new Definitions(db);
        var groups = new Dictionary<(Guid Year, Guid Unit), Dictionary<string, ScoreRow>>();
        var read = 0;
        foreach (var source in table.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ImportProgress.Report(progress, ImportStage.Checking, ++read, table.RowCount);
            var cells = errors.Cells(source);
            if (await ReadAsync(cells, definitions, graph, within, cancellationToken) is not { } row)
            {
                continue;
            }

            var group = groups.TryGetValue((row.Year.Year.Id, row.Unit.Id), out var found) ? found : groups[(row.Year.Year.Id, row.Unit.Id)] = new(StringComparer.Ordinal);
            if (group.TryGetValue(row.Component, out var first))
            {
                cells.Error("component", ImportMessages.SameKeyAsRow, $"{row.Year.Index.Code} {row.Year.Year.Year} {row.Unit.Code} {IndexDefinitionImport.Display(row.Component)}", first.Row!.Number);
                continue;
            }

            group[row.Component] = row;
        }

        var scores = new List<IndexScore>();
        foreach (var ((yearId, unitId), given) in groups)
        {
            scores.AddRange(Complete(given, errors).Select(s => new IndexScore { IndexYearId = yearId, UnitId = unitId, Component = s.Key, Score = s.Value }));
        }

        if (errors.Count > 0)
        {
            return errors.Result(table.File, table.RowCount, dryRun: false);
        }

        var tally = await WriteAsync(db, scores, groups.Keys.ToList(), cancellationToken);
        return new ImportResult(table.File, table.RowCount, false, [], [tally]);
    }

    private static async Task<ScoreRow?> ReadAsync(RowCells cells, Definitions definitions, UnitGraph graph, ScopeFilter within, CancellationToken cancellationToken)
    {
        var code = cells.Required("index", 32);
        var yearNumber = cells.IsBlank("year") ? Empty(cells, "year") : cells.Integer("year", 1990, 2100);
        var unitCode = cells.Required("unit", 64);
        var component = cells.Text("component", 32) ?? IndexCodes.Total;
        var text = cells.Text("score");
        if (text is null)
        {
            cells.Error("score", ImportMessages.Empty);
        }

        DefinedYear? year = null;
        if (code is not null && yearNumber is { } number)
        {
            year = await definitions.FindAsync(code, number, cancellationToken);
            if (year is null)
            {
                cells.Error(await definitions.ExistsAsync(code, cancellationToken) ? "year" : "index", ImportMessages.IndexYearNotFound, code, number);
            }
        }

        decimal? max = null;
        if (year is not null)
        {
            if (component.Length > 0 && !IndexCodes.IsComponentCode(component))
            {
                cells.Error("component", ImportMessages.NotAComponentCode, component);
            }
            else if (component.Length == 0)
            {
                max = year.Year.MaxScore;
            }
            else if (year.Components.TryGetValue(component, out var found))
            {
                max = found.MaxScore;
            }
            else
            {
                cells.Error("component", ImportMessages.ComponentNotFound, year.Index.Code, component, year.Year.Year);
            }
        }

        decimal score = 0;
        if (text is not null && max is { } most && (!ScoreText.TryParse(text, out score) || score < 0 || score > most))
        {
            cells.Error("score", ImportMessages.NotAScore, text, ScoreText.Invariant(most));
        }

        UnitSnapshot? unit = null;
        if (unitCode is not null && yearNumber is { } day)
        {
            var end = IndexCodes.YearEnd(day);
            unit = graph.Find(unitCode, end);
            if (unit is null || !within.Contains(unit.Id))
            {
                cells.Error("unit", ImportMessages.UnitNotFound, unitCode, IsoDate.Format(end));
                unit = null;
            }
            else if (year is not null && !year.Index.Kinds.Contains(unit.Kind))
            {
                cells.Error("unit", ImportMessages.UnitNotScored, unit.Name, WireNames<UnitKind>.ToWire(unit.Kind), year.Index.Code, year.Index.UnitKinds);
            }
        }

        return cells.HasErrors ? null : new ScoreRow(cells, year!, unit!, component, score);
    }

    private static int? Empty(RowCells cells, string column)
    {
        cells.Error(column, ImportMessages.Empty);
        return null;
    }

    /// <summary>
    /// A unit's year of scores, completed upwards: a component whose parts are all given (or derived) is their sum,
    /// which a given score must equal; parts given only in part are an error.
    /// </summary>
    private static Dictionary<string, decimal> Complete(Dictionary<string, ScoreRow> given, ImportErrors errors)
    {
        var year = given.Values.First().Year;
        var values = given.ToDictionary(g => g.Key, g => g.Value.Score, StringComparer.Ordinal);
        var parents = year.Components.Values.Select(c => c.Code).Append(IndexCodes.Total)
            .OrderByDescending(c => c.Length == 0 ? 0 : c.Count(ch => ch == '.') + 1).ThenBy(c => c, Comparer<string>.Create(IndexCodes.Compare));
        foreach (var parent in parents)
        {
            var parts = year.Components.Values.Where(c => c.ParentCode == parent).Select(c => c.Code).OrderBy(c => c, Comparer<string>.Create(IndexCodes.Compare)).ToList();
            var present = parts.Where(values.ContainsKey).ToList();
            if (present.Count == 0)
            {
                continue;
            }

            if (present.Count < parts.Count)
            {
                var first = present.Select(given.GetValueOrDefault).FirstOrDefault(r => r is not null) ?? given.Values.First();
                first.Cells.Error("component", ImportMessages.PartsIncomplete,
                    string.Join(", ", present), first.Unit.Code, string.Join(", ", parts.Except(present)), IndexDefinitionImport.Display(parent));
                continue;
            }

            var sum = parts.Sum(p => values[p]);
            if (!values.TryGetValue(parent, out var stated))
            {
                values[parent] = sum;
            }
            else if (stated != sum && given.TryGetValue(parent, out var row))
            {
                row.Cells.Error("score", ImportMessages.NotTheSum, ScoreText.Invariant(stated), string.Join(" + ", parts), ScoreText.Invariant(sum));
            }
        }

        return values;
    }

    private static async Task<ImportTally> WriteAsync(OversightDbContext db, List<IndexScore> scores, List<(Guid Year, Guid Unit)> groups, CancellationToken cancellationToken)
    {
        int created = 0, updated = 0, unchanged = 0;
        foreach (var year in groups.GroupBy(g => g.Year))
        {
            var units = year.Select(g => g.Unit).ToHashSet();
            var unitIds = units.ToList();
            var stored = (await db.IndexScores.Where(s => s.IndexYearId == year.Key && unitIds.Contains(s.UnitId)).ToListAsync(cancellationToken))
                .ToDictionary(s => (s.UnitId, s.Component));
            foreach (var score in scores.Where(s => s.IndexYearId == year.Key))
            {
                if (!stored.Remove((score.UnitId, score.Component), out var existing))
                {
                    db.IndexScores.Add(score);
                    created++;
                }
                else if (existing.Score != score.Score)
                {
                    existing.Score = score.Score;
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }

            foreach (var gone in stored.Values)
            {
                db.IndexScores.Remove(gone);
                updated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ImportTally("scores", created, updated, unchanged);
    }

    private sealed record ScoreRow(RowCells Cells, DefinedYear Year, UnitSnapshot Unit, string Component, decimal Score)
    {
        public TabularRow? Row => Cells.Row;
    }

    /// <summary>An index's year with its components by code.</summary>
    private sealed record DefinedYear(ScoreIndex Index, IndexYear Year, IReadOnlyDictionary<string, IndexComponent> Components);

    /// <summary>The index years a file names, read once each.</summary>
    private sealed class Definitions(OversightDbContext db)
    {
        private readonly Dictionary<(string, int), DefinedYear?> years = [];
        private readonly Dictionary<string, ScoreIndex?> indices = new(StringComparer.Ordinal);

        public async Task<bool> ExistsAsync(string code, CancellationToken cancellationToken) => await IndexAsync(code, cancellationToken) is not null;

        public async Task<DefinedYear?> FindAsync(string code, int year, CancellationToken cancellationToken)
        {
            if (years.TryGetValue((code, year), out var found))
            {
                return found;
            }

            found = null;
            if (await IndexAsync(code, cancellationToken) is { } index
                && await db.IndexYears.AsNoTracking().Include(y => y.Components).SingleOrDefaultAsync(y => y.IndexId == index.Id && y.Year == year, cancellationToken) is { } stored)
            {
                found = new DefinedYear(index, stored, stored.Components.ToDictionary(c => c.Code, StringComparer.Ordinal));
            }

            return years[(code, year)] = found;
        }

        private async Task<ScoreIndex?> IndexAsync(string code, CancellationToken cancellationToken)
        {
            if (!indices.TryGetValue(code, out var index))
            {
                index = indices[code] = await db.ScoreIndices.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken);
            }

            return index;
        }
    }
}
