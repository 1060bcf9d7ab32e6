using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Indicators;
using Oversight.Organisation;
using Oversight.Text;

namespace Oversight.Scores;

/// <summary>
/// Imports the definitions of indices, a year at a time: for each index and year a row of its own (component empty)
/// with the index's name, owner, the kinds of unit it scores and the total's maximum, and a row per component of the
/// tree (area <c>1</c>, criterion <c>1.2</c>, sub-criterion <c>1.2.3</c>) with its maximum and the indicators that bear
/// on it. A new index or year needs no change of code.
/// </summary>
/// <remarks>
/// <para>Checked before anything is written: every component's parent is in the file, the maxima of a component's parts
/// add up to its own (and the areas' to the total's), every year of an index agrees on its name, owner and kinds, and
/// every indicator code exists. A year in the file replaces the year's tree as stored; a component that has scores
/// cannot be left out, nor its maximum lowered below a recorded score. Administrators only: an index is shared by every
/// unit it scores. All or nothing; the same file twice changes nothing; audited as one entry, like every import of
/// external data.</para>
/// <para>The demo loads its index files through <see cref="LoadAsync"/>, the same reading and checks.</para>
/// </remarks>
public sealed class IndexDefinitionImport(OversightDbContext db, IndicatorCatalog catalog, Caller caller, TimeProvider time, ImportSettings settings)
    : SpreadsheetImport(caller, time, settings)
{
    private const int NameLength = 1000;

    public override string Name => "index";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("index", "HN-PAR-DISTRICT", "The index's code: capital letters, digits and hyphens. Required."),
        new("year", "2023", "The year assessed. Required."),
        new("component", "3.1", "The component's code (1, 1.2, 1.2.3); empty on the index's own row, which gives the total. Required otherwise."),
        new("name_vi", "Công khai thủ tục hành chính", "The name in Vietnamese: the index's on its own row, the component's otherwise. Required."),
        new("name_en", "Publication of administrative procedures", "The name in English. Required."),
        new("max_score", "2.5", "The maximum score, at most two decimals; the parts' maxima add up to it. Required."),
        new("owner", "", "The body that assesses and publishes the index. Required on the index's own row only."),
        new("unit_kinds", "", "The kinds of unit it scores (province, district, commune, ward, town, special-zone) separated by ';'. Required on the index's own row only."),
        new("source", "", "The decision or publication of the year's definition and scores. Index's own row only."),
        new("illustrative", "", "yes when the year's definition and scores are illustrative, not the published ones. Index's own row only."),
        new("indicators", "PUB.ON-TIME;PUB.OVERDUE", "Codes of the indicators whose records bear on the component, separated by ';'. Optional."),
    ];

    protected override async Task<ImportResult> ImportAsync(TabularTable table, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        var result = await LoadAsync(db, catalog, table, progress, cancellationToken);
        if (!result.Succeeded || dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return result with { DryRun = dryRun };
        }

        await AuditAsOneEntryAsync(db, nameof(ScoreIndex), table, result.Tallies, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Reads and checks the definitions in <paramref name="table"/> and, when nothing is wrong, writes them in the
    /// transaction the caller holds.
    /// </summary>
    internal static async Task<ImportResult> LoadAsync(
        OversightDbContext db, IndicatorCatalog catalog, TabularTable table, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new ImportErrors();
        var rows = new List<DefinitionRow>();
        var firstRowOf = new Dictionary<(string, int, string), int>();
        var read = 0;
        foreach (var source in table.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ImportProgress.Report(progress, ImportStage.Checking, ++read, table.RowCount);
            var cells = errors.Cells(source);
            if (Read(cells, catalog) is not { } row)
            {
                continue;
            }

            if (firstRowOf.TryGetValue(row.Key, out var first))
            {
                cells.Error("component", ImportMessages.SameKeyAsRow, $"{row.Index} {row.Year} {Display(row.Component)}", first);
                continue;
            }

            firstRowOf[row.Key] = source.Number;
            rows.Add(row);
        }

        var years = rows.GroupBy(r => (r.Index, r.Year)).ToList();
        CheckTrees(years, errors);
        CheckIndexRows(rows, errors);
        var stored = await StoredAsync(db, years.Select(y => y.Key.Index).Distinct().ToList(), cancellationToken);
        await CheckScoredAsync(db, stored, years, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return errors.Result(table.File, table.RowCount, dryRun: false);
        }

        var tally = new Tally();
        foreach (var year in years)
        {
            Write(db, stored, year.Key.Index, year.Key.Year, year.ToList(), tally);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ImportResult(table.File, table.RowCount, false, [],
        [
            new ImportTally("indices", tally.Indices.Created, tally.Indices.Updated, tally.Indices.Unchanged),
            new ImportTally("index years", tally.Years.Created, tally.Years.Updated, tally.Years.Unchanged),
            new ImportTally("components", tally.Components.Created, tally.Components.Updated, tally.Components.Unchanged),
        ]);
    }

    /// <summary>A component code in messages; the total is named so.</summary>
    internal static string Display(string component) => component.Length == 0 ? "total" : component;

    private static DefinitionRow? Read(RowCells cells, IndicatorCatalog catalog)
    {
        var index = cells.Required("index", 32);
        var year = cells.IsBlank("year") ? Empty(cells, "year") : cells.Integer("year", 1990, 2100);
        var component = cells.Text("component", 32) ?? IndexCodes.Total;
        var nameVi = cells.Required("name_vi", NameLength);
        var nameEn = cells.Required("name_en", NameLength);
        var max = Maximum(cells);
        var owner = cells.Text("owner", 500);
        var kinds = cells.Text("unit_kinds", 200);
        var source = cells.Text("source", 1000);
        var illustrative = cells.Flag("illustrative");
        var indicators = cells.List("indicators");

        if (index is not null && !IndexCodes.IsIndexCode(index))
        {
            cells.Error("index", ImportMessages.NotAnIndexCode, index);
        }
        else if (index is not null && catalog.Find(index) is not null)
        {
            cells.Error("index", ImportMessages.IndexCodeIsIndicator, index);
        }

        if (component.Length > 0 && !IndexCodes.IsComponentCode(component))
        {
            cells.Error("component", ImportMessages.NotAComponentCode, component);
        }

        foreach (var code in indicators.Where(c => catalog.Find(c) is null))
        {
            cells.Error("indicators", ImportMessages.NotAnIndicator, code);
        }

        var unitKinds = new List<UnitKind>();
        if (component.Length == 0)
        {
            if (owner is null)
            {
                cells.Error("owner", ImportMessages.Empty);
            }

            if (kinds is null)
            {
                cells.Error("unit_kinds", ImportMessages.Empty);
            }

            foreach (var kind in VietnameseText.Entries(kinds))
            {
                if (WireNames<UnitKind>.TryParse(kind, out var parsed) && parsed.IsAdministrative())
                {
                    unitKinds.Add(parsed);
                }
                else
                {
                    cells.Error("unit_kinds", ImportMessages.NotOneOf, kind, string.Join(", ", Enum.GetValues<UnitKind>().Where(k => k.IsAdministrative()).Select(WireNames<UnitKind>.ToWire)));
                }
            }
        }
        else
        {
            foreach (var (column, given) in new[] { ("owner", owner is not null), ("unit_kinds", kinds is not null), ("source", source is not null), ("illustrative", illustrative == true) })
            {
                if (given)
                {
                    cells.Error(column, ImportMessages.OnlyOnIndexRow);
                }
            }
        }

        if (cells.HasErrors)
        {
            return null;
        }

        return new DefinitionRow(
            cells.Row, index!, year!.Value, component, nameVi!, nameEn!, max!.Value, owner, string.Join(';', unitKinds.Distinct().Select(WireNames<UnitKind>.ToWire)),
            source, illustrative ?? false, string.Join(';', indicators.Select(c => catalog.Find(c)!.Code).Distinct()));
    }

    private static int? Empty(RowCells cells, string column)
    {
        cells.Error(column, ImportMessages.Empty);
        return null;
    }

    private static decimal? Maximum(RowCells cells)
    {
        var text = cells.Text("max_score");
        if (text is null)
        {
            cells.Error("max_score", ImportMessages.Empty);
            return null;
        }

        if (ScoreText.TryParse(text, out var max) && max > 0 && max <= 1000)
        {
            return max;
        }

        cells.Error("max_score", ImportMessages.NotAMaximum, text);
        return null;
    }

    /// <summary>Each year has its own row, each component its parent, and the maxima of every component's parts add up to its own.</summary>
    private static void CheckTrees(IEnumerable<IGrouping<(string Index, int Year), DefinitionRow>> years, ImportErrors errors)
    {
        foreach (var year in years)
        {
            var byCode = year.ToDictionary(r => r.Component, StringComparer.Ordinal);
            if (!byCode.ContainsKey(IndexCodes.Total))
            {
                var first = year.First();
                errors.Add(first.Row, "component", ImportMessages.IndexRowMissing, year.Key.Index, year.Key.Year);
            }

            foreach (var row in year.Where(r => r.Component.Length > 0))
            {
                var parent = IndexCodes.ParentOf(row.Component);
                if (parent.Length > 0 && !byCode.ContainsKey(parent))
                {
                    errors.Add(row.Row, "component", ImportMessages.ParentComponentMissing, year.Key.Index, year.Key.Year, parent, row.Component);
                }
            }

            foreach (var parent in year)
            {
                var parts = year.Where(r => r.Component.Length > 0 && IndexCodes.ParentOf(r.Component) == parent.Component).ToList();
                var sum = parts.Sum(p => p.Max);
                if (parts.Count > 0 && sum != parent.Max)
                {
                    errors.Add(parent.Row, "max_score", ImportMessages.MaximaDoNotAdd,
                        string.Join(" + ", parts.OrderBy(p => p.Component, Comparer<string>.Create(IndexCodes.Compare)).Select(p => $"{p.Component}: {ScoreText.Invariant(p.Max)}")),
                        ScoreText.Invariant(sum), ScoreText.Invariant(parent.Max));
                }
            }
        }
    }

    /// <summary>Every year of an index in the file names it, its owner and its kinds alike.</summary>
    private static void CheckIndexRows(IEnumerable<DefinitionRow> rows, ImportErrors errors)
    {
        foreach (var index in rows.Where(r => r.Component.Length == 0).GroupBy(r => r.Index))
        {
            var first = index.First();
            foreach (var row in index.Skip(1))
            {
                foreach (var (column, mine, theirs) in new[]
                {
                    ("name_vi", row.NameVi, first.NameVi), ("name_en", row.NameEn, first.NameEn), ("owner", row.Owner!, first.Owner!), ("unit_kinds", row.UnitKinds, first.UnitKinds),
                })
                {
                    if (!string.Equals(mine, theirs, StringComparison.Ordinal))
                    {
                        errors.Add(row.Row, column, ImportMessages.IndexRowDiffers, first.Row.Number, theirs, row.Index);
                    }
                }
            }
        }
    }

    private static async Task<Dictionary<string, (ScoreIndex Index, Dictionary<int, IndexYear> Years)>> StoredAsync(
        OversightDbContext db, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var indices = await db.ScoreIndices.Where(i => codes.Contains(i.Code)).ToListAsync(cancellationToken);
        var ids = indices.Select(i => i.Id).ToList();
        var years = await db.IndexYears.Include(y => y.Components).Where(y => ids.Contains(y.IndexId)).ToListAsync(cancellationToken);
        return indices.ToDictionary(i => i.Code, i => (i, years.Where(y => y.IndexId == i.Id).ToDictionary(y => y.Year)), StringComparer.Ordinal);
    }

    /// <summary>A scored component stays, and its maximum stays at or above every recorded score.</summary>
    private static async Task CheckScoredAsync(
        OversightDbContext db,
        Dictionary<string, (ScoreIndex Index, Dictionary<int, IndexYear> Years)> stored,
        IEnumerable<IGrouping<(string Index, int Year), DefinitionRow>> years,
        ImportErrors errors,
        CancellationToken cancellationToken)
    {
        foreach (var year in years)
        {
            if (!stored.TryGetValue(year.Key.Index, out var index) || !index.Years.TryGetValue(year.Key.Year, out var storedYear))
            {
                continue;
            }

            // Decimals are text on SQLite: the highest score of each component is found here, not in the database.
            var highest = (await db.IndexScores.AsNoTracking().Where(s => s.IndexYearId == storedYear.Id).Select(s => new { s.Component, s.Score }).ToListAsync(cancellationToken))
                .GroupBy(s => s.Component).Select(g => new { Component = g.Key, Score = g.Max(s => s.Score) }).ToList();
            var rows = year.ToDictionary(r => r.Component, StringComparer.Ordinal);
            var own = rows.GetValueOrDefault(IndexCodes.Total) ?? year.First();
            foreach (var scored in highest.OrderBy(h => h.Component, Comparer<string>.Create(IndexCodes.Compare)))
            {
                if (!rows.TryGetValue(scored.Component, out var row))
                {
                    errors.Add(own.Row, "component", ImportMessages.ScoredComponentLeftOut, scored.Component, year.Key.Index, year.Key.Year);
                }
                else if (scored.Score > row.Max)
                {
                    errors.Add(row.Row, "max_score", ImportMessages.MaximumBelowScore, ScoreText.Invariant(scored.Score), Display(scored.Component));
                }
            }
        }
    }

    private static void Write(
        OversightDbContext db, Dictionary<string, (ScoreIndex Index, Dictionary<int, IndexYear> Years)> stored, string code, int yearNumber, List<DefinitionRow> rows, Tally tally)
    {
        var own = rows.Single(r => r.Component.Length == 0);
        if (!stored.TryGetValue(code, out var entry))
        {
            var created = new ScoreIndex { Code = code, NameVi = own.NameVi, NameEn = own.NameEn, Owner = own.Owner!, UnitKinds = own.UnitKinds };
            db.ScoreIndices.Add(created);
            entry = stored[code] = (created, []);
            tally.Indices.Created++;
            tally.Indices.Count(false, code, count: false);
        }
        else
        {
            // Every year of an index in the file agrees on these (checked): the index is counted once.
            tally.Indices.Count(Differs(entry.Index, own), code);
        }

        if (!entry.Years.TryGetValue(yearNumber, out var year))
        {
            year = new IndexYear { IndexId = entry.Index.Id, Year = yearNumber, MaxScore = own.Max, Source = own.Source, Illustrative = own.Illustrative };
            db.IndexYears.Add(year);
            entry.Years[yearNumber] = year;
            tally.Years.Created++;
        }
        else
        {
            var changed = (year.MaxScore, year.Source, year.Illustrative) != (own.Max, own.Source, own.Illustrative);
            (year.MaxScore, year.Source, year.Illustrative) = (own.Max, own.Source, own.Illustrative);
            tally.Years.Count(changed, null);
        }

        var order = 0;
        var components = year.Components.ToDictionary(c => c.Code, StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Component.Length > 0).OrderBy(r => r.Row.Number))
        {
            order++;
            if (!components.Remove(row.Component, out var component))
            {
                var added = new IndexComponent
                {
                    IndexYearId = year.Id, Code = row.Component, NameVi = row.NameVi, NameEn = row.NameEn, MaxScore = row.Max, Indicators = row.Indicators, Order = order,
                };
                db.IndexComponents.Add(added);
                tally.Components.Created++;
                continue;
            }

            var changed = (component.NameVi, component.NameEn, component.MaxScore, component.Indicators, component.Order) != (row.NameVi, row.NameEn, row.Max, row.Indicators, order);
            (component.NameVi, component.NameEn, component.MaxScore, component.Indicators, component.Order) = (row.NameVi, row.NameEn, row.Max, row.Indicators, order);
            tally.Components.Count(changed, null);
        }

        // What the file leaves out of a year goes (only unscored components: the checks refused the others).
        foreach (var gone in components.Values)
        {
            db.IndexComponents.Remove(gone);
            tally.Components.Updated++;
        }
    }

    private static bool Differs(ScoreIndex index, DefinitionRow own)
    {
        var changed = (index.NameVi, index.NameEn, index.Owner, index.UnitKinds) != (own.NameVi, own.NameEn, own.Owner!, own.UnitKinds);
        (index.NameVi, index.NameEn, index.Owner, index.UnitKinds) = (own.NameVi, own.NameEn, own.Owner!, own.UnitKinds);
        return changed;
    }

    private sealed record DefinitionRow(
        TabularRow Row, string Index, int Year, string Component, string NameVi, string NameEn, decimal Max, string? Owner, string UnitKinds, string? Source, bool Illustrative, string Indicators)
    {
        public (string, int, string) Key => (Index, Year, Component);
    }

    private sealed class Counts
    {
        private readonly HashSet<string> counted = new(StringComparer.Ordinal);

        public int Created { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }

        /// <summary>Counts a record found stored, once per <paramref name="key"/> when one is given (and not at all when <paramref name="count"/> is false).</summary>
        public void Count(bool changed, string? key, bool count = true)
        {
            if (key is not null && !counted.Add(key))
            {
                return;
            }

            if (!count)
            {
                return;
            }

            if (changed)
            {
                Updated++;
            }
            else
            {
                Unchanged++;
            }
        }
    }

    private sealed class Tally
    {
        public Counts Indices { get; } = new();

        public Counts Years { get; } = new();

        public Counts Components { get; } = new();
    }
}
