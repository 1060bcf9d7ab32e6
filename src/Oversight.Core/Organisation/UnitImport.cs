using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Text;

namespace Oversight.Organisation;

/// <summary>
/// Imports units from a spreadsheet with the header <c>code,name,kind,parent,valid_from,valid_to</c>: one row per
/// unit, its name and kind as of <c>valid_from</c>, its parent a code resolved on that date (in the database or on
/// another row of the file).
/// </summary>
/// <remarks>
/// <para>A row describes an existing unit when a unit with its code exists on the row's reference date
/// (<c>valid_from</c>; without it today, or <c>valid_to</c> when that is past) under the same parent. Such a row:</para>
/// <list type="bullet">
/// <item>with another name or kind, and a <c>valid_from</c> after the start of the version in force then, adds a
/// version from <c>valid_from</c> (a rename keeps the unit's identity and its history); otherwise it corrects that
/// version in place;</item>
/// <item>with a <c>valid_to</c> other than the unit's, ends the unit (and its last version) on that day; an empty
/// <c>valid_to</c> leaves the end as it is: a file never reopens a unit that has ended;</item>
/// <item>never moves the unit or its start: a unit under another parent is an error (record a move in the lineage);</item>
/// <item>with the same values, writes nothing, so a second import of a file appends no audit entries.</item>
/// </list>
/// <para>Any other row creates a unit, which must not overlap in time with another unit of the same code: codes are
/// reused, one unit at a time.</para>
/// </remarks>
public sealed class UnitImport(OversightDbContext db, UnitGraphCache graphs, Caller caller, TimeProvider time, ImportSettings settings) : SpreadsheetImport(caller, time, settings)
{
    public override string Name => "units";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("code", "10063", "The unit's code: the GSO code of an administrative unit, an own code for a body. Required."),
        new("name", "Xã Lam Điền", "The unit's full name in Vietnamese, as of valid_from. Required."),
        new("kind", "commune", $"Required; one of: {string.Join(", ", WireNames<UnitKind>.All)}."),
        new("parent", "277", "The code of the unit it hangs under on valid_from, in the database or on another row; empty for a province."),
        new("valid_from", "2008-08-01", "First day, YYYY-MM-DD; empty when the unit existed before the records begin."),
        new("valid_to", "2025-06-30", "Last day, YYYY-MM-DD; empty while the unit exists."),
    ];

    protected override async Task<ImportResult> ImportAsync(TabularTable table, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new ImportErrors();
        var (rows, failedCodes) = ReadRows(table, errors);
        var graph = await graphs.GetAsync(db, cancellationToken);
        var existing = (await ImportQueries.ByKeysAsync(
                rows.Select(r => r.Code),
                codes => db.Units.Include(u => u.Versions).Where(u => codes.Contains(u.Code)),
                cancellationToken))
            .ToLookup(u => u.Code, StringComparer.OrdinalIgnoreCase);

        var plan = new Plan(rows, failedCodes, existing, graph, errors);
        foreach (var row in rows)
        {
            plan.Resolve(row);
        }

        if (errors.Count > 0)
        {
            return errors.Result(table.File, table.RowCount, dryRun);
        }

        var tally = new ImportTally(Name, plan.Created, plan.Updated, rows.Count - plan.Created - plan.Updated);
        ImportProgress.Report(progress, ImportStage.Checking, table.RowCount, table.RowCount);
        if (!dryRun && plan.Writes.Count > 0)
        {
            foreach (var write in plan.Writes)
            {
                write(db);
            }

            await db.SaveChangesAsync(cancellationToken);
            ImportProgress.Report(progress, ImportStage.Writing, table.RowCount, table.RowCount);
        }

        return new ImportResult(table.File, table.RowCount, dryRun, [], [tally]);
    }

    /// <summary>Reads every row; rows with errors are left out, their codes kept to explain errors that follow from them.</summary>
    private (List<UnitRow> Rows, Dictionary<string, int> FailedCodes) ReadRows(TabularTable table, ImportErrors errors)
    {
        var rows = new List<UnitRow>();
        var failedCodes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in table.Rows)
        {
            var cells = errors.Cells(source);
            var code = cells.Required("code", 32);
            var name = cells.Required("name", 300);
            var kind = cells.Required("kind") is null ? null : cells.Choice<UnitKind>("kind");
            var parent = cells.Text("parent", 32);
            var from = cells.Date("valid_from");
            var to = cells.Date("valid_to");
            if (from is not null && to < from)
            {
                cells.Error("valid_to", ImportMessages.EndBeforeStart, to, "valid_from", from);
            }

            if (cells.HasErrors)
            {
                if (code is not null)
                {
                    failedCodes.TryAdd(code, source.Number);
                }

                continue;
            }

            rows.Add(new UnitRow(source, code!, name!, kind!.Value, parent, from, to, ReferenceDate(from, to)));
        }

        // Two rows may carry one code only for periods that do not overlap.
        foreach (var group in rows.GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToArray())
        {
            var kept = new List<UnitRow>();
            foreach (var row in group)
            {
                if (kept.FirstOrDefault(k => Dates.Overlap(k.From, k.To, row.From, row.To)) is { } clash)
                {
                    errors.Add(row.Source, "code", ImportMessages.CodeOnOverlappingRow, row.Code, clash.Source.Number);
                    failedCodes.TryAdd(row.Code, row.Source.Number);
                    rows.Remove(row);
                }
                else
                {
                    kept.Add(row);
                }
            }
        }

        return (rows, failedCodes);
    }

    /// <summary>A row that reads well; <paramref name="AsOf"/> is the day its codes are resolved on.</summary>
    private sealed record UnitRow(TabularRow Source, string Code, string Name, UnitKind Kind, string? ParentCode, DateOnly? From, DateOnly? To, DateOnly AsOf);

    /// <summary>The unit a row describes, existing or to be created.</summary>
    private sealed record Target(Guid Id);

    /// <summary>
    /// Resolves each row to its unit and parent (parents first, through the file or the database) and decides what
    /// to write, without writing.
    /// </summary>
    private sealed class Plan(IReadOnlyList<UnitRow> rows, Dictionary<string, int> failedCodes, ILookup<string, Unit> existing, UnitGraph graph, ImportErrors errors)
    {
        private readonly ILookup<string, UnitRow> rowsByCode = rows.ToLookup(r => r.Code, StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<UnitRow, Target?> resolved = [];
        private readonly HashSet<UnitRow> visiting = [];
        private readonly Dictionary<Guid, int> rowOfUnit = [];

        public List<Action<OversightDbContext>> Writes { get; } = [];

        public int Created { get; private set; }

        public int Updated { get; private set; }

        public Target? Resolve(UnitRow row)
        {
            if (resolved.TryGetValue(row, out var known))
            {
                return known;
            }

            if (!visiting.Add(row))
            {
                return Fail(row, "parent", ImportMessages.ParentCycle, row.ParentCode);
            }

            var target = ResolveParent(row, out var parentId) ? Match(row, parentId) : null;
            visiting.Remove(row);
            resolved[row] = target;
            return target;
        }

        private bool ResolveParent(UnitRow row, out Guid? parentId)
        {
            parentId = null;
            if (row.ParentCode is not { } code)
            {
                return true;
            }

            if (rowsByCode[code].FirstOrDefault(r => Dates.Covers(r.From, r.To, row.AsOf)) is { } parentRow)
            {
                if (Resolve(parentRow) is not { } parent)
                {
                    Fail(row, "parent", ImportMessages.ParentRowNotImported, code, parentRow.Source.Number);
                    return false;
                }

                parentId = parent.Id;
                return true;
            }

            if (graph.Find(code, row.AsOf) is { } unit)
            {
                parentId = unit.Id;
                return true;
            }

            if (failedCodes.TryGetValue(code, out var failedRow))
            {
                Fail(row, "parent", ImportMessages.ParentRowHasErrors, code, failedRow);
            }
            else
            {
                Fail(row, "parent", ImportMessages.ParentNotFound, code, row.AsOf);
            }
            return false;
        }

        private Target? Match(UnitRow row, Guid? parentId)
        {
            var candidates = existing[row.Code];
            if (candidates.FirstOrDefault(u => u.IsValidOn(row.AsOf)) is not { } unit)
            {
                if (candidates.FirstOrDefault(u => Dates.Overlap(u.ValidFrom, u.ValidTo, row.From, row.To)) is { } other)
                {
                    return Fail(row, "valid_from", ImportMessages.CodeNamesAnotherUnit, row.Code, other.ValidFrom, other.ValidTo);
                }

                var created = new Target(Guid.CreateVersion7());
                Created++;
                Writes.Add(db => db.Units.Add(new Unit
                {
                    Id = created.Id,
                    Code = row.Code,
                    ValidFrom = row.From,
                    ValidTo = row.To,
                    Versions = { new UnitVersion { Name = row.Name, Kind = row.Kind, ParentId = parentId, ValidFrom = row.From, ValidTo = row.To } },
                }));
                return created;
            }

            var version = unit.Versions.FirstOrDefault(v => v.IsValidOn(row.AsOf));
            if (version is null || version.ParentId != parentId)
            {
                var parent = version?.ParentId is { } id ? graph.At(id, row.AsOf)?.Code ?? graph.Latest(id)?.Code : null;
                return parent is null
                    ? Fail(row, "parent", ImportMessages.UnitWithoutParent, row.Code, row.AsOf)
                    : Fail(row, "parent", ImportMessages.UnitUnderAnotherParent, row.Code, row.AsOf, parent);
            }

            if (!rowOfUnit.TryAdd(unit.Id, row.Source.Number))
            {
                return Fail(row, "code", ImportMessages.SameUnitAsRow, rowOfUnit[unit.Id]);
            }

            var renamed = version.Name != row.Name || version.Kind != row.Kind;
            var newVersion = renamed && row.From is { } from && (version.ValidFrom is null || version.ValidFrom < from);
            var ends = row.To is { } to && unit.ValidTo != to;
            var lastStart = newVersion ? row.From : unit.Versions.Max(v => v.ValidFrom);
            if (ends && lastStart > row.To)
            {
                return Fail(row, "valid_to", ImportMessages.VersionAfterEnd, row.Code, lastStart, row.To);
            }

            if (renamed || ends)
            {
                Updated++;
                Writes.Add(db => Update(db, unit, version, row, renamed, newVersion, ends));
            }

            return new Target(unit.Id);
        }

        private static void Update(OversightDbContext db, Unit unit, UnitVersion version, UnitRow row, bool renamed, bool newVersion, bool ends)
        {
            var last = unit.Versions.MaxBy(v => v.ValidFrom ?? DateOnly.MinValue)!;
            if (newVersion)
            {
                var added = new UnitVersion { UnitId = unit.Id, Name = row.Name, Kind = row.Kind, ParentId = version.ParentId, ValidFrom = row.From, ValidTo = version.ValidTo };
                version.ValidTo = row.From!.Value.AddDays(-1);
                db.UnitVersions.Add(added);
                last = ReferenceEquals(last, version) ? added : last;
            }
            else if (renamed)
            {
                version.Name = row.Name;
                version.Kind = row.Kind;
            }

            if (ends)
            {
                unit.ValidTo = row.To;
                last.ValidTo = row.To;
            }
        }

        private Target? Fail(UnitRow row, string column, ImportMessage message, params object?[] values)
        {
            errors.Add(row.Source, column, message, values);
            return null;
        }
    }
}
