using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Indicators;
using Oversight.Organisation;
using Oversight.Text;

namespace Oversight.PublicServices;

/// <summary>
/// Imports a public-service portal's export of dossiers, matched by dossier code: a new code adds a dossier, a known
/// one corrects it when a value differs. Each row's unit is a code as of the day the dossier was received and must lie
/// within the caller's scope. All or nothing, in one transaction.
/// </summary>
/// <remarks>
/// <para>Dossiers are the portal's records, not Oversight's: the import is audited as one entry (the file's name and
/// SHA-256, the dossiers added, changed and unchanged), and their indicator facts change with them in the same
/// transaction.</para>
/// <para>A province's year is millions of rows, so memory does not grow with the file: rows are read, checked and
/// written <see cref="Chunk"/> at a time; new dossiers go through the bulk path. The codes seen so far, to find one
/// given twice, are kept in a temporary table of the import's connection. After the first error nothing more is
/// written, but every row is still checked.</para>
/// </remarks>
public sealed class DossierImport(OversightDbContext db, CallerScope scope, IndicatorFacts facts, Caller caller, TimeProvider time, ImportSettings settings)
    : SpreadsheetImport(caller, time, settings)
{
    /// <summary>The day the districts ended (Resolution 202/2025/QH15): no dossier is received at district level from then on.</summary>
    public static readonly DateOnly DistrictsEnded = new(2025, 7, 1);

    private const int Chunk = 2_000;
    private const int CodeLength = 64;
    private const int NameLength = 1000;
    private const string SeenTable = "dossier_import_codes";

    public override string Name => "dossiers";

    public override bool AdministratorsOnly => false;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("dossier_code", "000.00.12.H26-240801-0001", "The portal's dossier code, unique; a row with a code already imported corrects that dossier. Required."),
        new("procedure_code", "1.001612", "The code of the administrative procedure in the national database. Required."),
        new("procedure_name", "Đăng ký khai sinh", "The procedure's name. Required."),
        new("field", "Hộ tịch", "The procedure's field. Required."),
        new("level", "commune", "province, district (before 2025-07-01 only) or commune. Required."),
        new("unit", "10072", "GSO code of the unit that received the dossier, as of received_on. Required."),
        new("channel", "online", "online, in-person or postal. Required."),
        new("online_service", "full", "How far the procedure is offered online: full, partial or none. Required."),
        new("received_on", "2024-08-01", "The day the dossier was received, YYYY-MM-DD. Required."),
        new("due_on", "2024-08-03", "The day a result is due, YYYY-MM-DD; not before received_on. Required."),
        new("completed_on", "2024-08-02", "The day a result was given, YYYY-MM-DD; empty while the dossier is open."),
        new("result", "approved", "approved, rejected or withdrawn; empty while the dossier is open, required once completed_on is given."),
        new("e_result", "yes", "The result was issued electronically: yes or no."),
        new("digitised", "yes", "The dossier and its result were digitised: yes or no."),
        new("paid_online", "no", "Fees were paid online: yes or no."),
        new("satisfaction", "5", "The applicant's rating, 1 to 5; empty when not rated."),
    ];

    protected override async Task<ImportResult> ImportAsync(TabularTable table, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new ImportErrors();
        var graph = await scope.GraphAsync(cancellationToken);
        var within = await scope.FilterAsync(cancellationToken);
        var tally = new Tally();
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        var seen = await SeenCodes.CreateAsync(db, cancellationToken);
        var gathered = new IndicatorFacts.GatheredFacts(facts, db);
        var chunk = new List<(Dossier Dossier, RowCells Cells)>(Chunk);
        var read = 0;
        foreach (var source in table.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cells = errors.Cells(source);
            if (Read(cells, graph, within) is { } dossier)
            {
                chunk.Add((dossier, cells));
            }

            ImportProgress.Report(progress, ImportStage.Writing, ++read, table.RowCount);
            if (chunk.Count == Chunk)
            {
                await WriteAsync(chunk, seen, gathered, write: errors.Count == 0, tally, cancellationToken);
                chunk.Clear();
            }
        }

        await WriteAsync(chunk, seen, gathered, write: errors.Count == 0, tally, cancellationToken);
        if (errors.Count > 0 || dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return errors.Count > 0 ? errors.Result(table.File, table.RowCount, dryRun) : Result(table, dryRun, tally);
        }

        await gathered.FlushAsync(cancellationToken);
        var result = Result(table, dryRun, tally);
        await AuditAsOneEntryAsync(db, nameof(Dossier), table, result.Tallies, cancellationToken);
        await seen.DropAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static ImportResult Result(TabularTable table, bool dryRun, Tally tally) =>
        new(table.File, table.RowCount, dryRun, [], [new ImportTally("dossiers", tally.Added, tally.Changed, tally.Unchanged)]);

    private sealed class Tally
    {
        public int Added { get; set; }

        public int Changed { get; set; }

        public int Unchanged { get; set; }
    }

    /// <summary>A row as a dossier; null when a cell is wrong (reported).</summary>
    private Dossier? Read(RowCells cells, UnitGraph graph, ScopeFilter within)
    {
        var code = cells.Required("dossier_code", CodeLength);
        var procedureCode = cells.Required("procedure_code", CodeLength);
        var procedureName = cells.Required("procedure_name", NameLength);
        var field = cells.Required("field", NameLength);
        var level = cells.RequiredChoice<ServiceLevel>("level");
        var channel = cells.RequiredChoice<DossierChannel>("channel");
        var onlineService = cells.RequiredChoice<OnlineService>("online_service");
        var receivedOn = cells.RequiredDate("received_on");
        var dueOn = cells.RequiredDate("due_on");
        var completedOn = cells.Date("completed_on");
        var result = cells.Choice<DossierResult>("result");
        var electronicResult = cells.Flag("e_result");
        var digitised = cells.Flag("digitised");
        var paidOnline = cells.Flag("paid_online");
        var satisfaction = cells.Integer("satisfaction", 1, 5);
        var unitCode = cells.Required("unit", CodeLength);

        UnitSnapshot? unit = null;
        if (unitCode is not null && receivedOn is { } day)
        {
            unit = graph.Find(unitCode, day);
            if (unit is null || !within.Contains(unit.Id))
            {
                cells.Error("unit", ImportMessages.UnitNotFound, unitCode, IsoDate.Format(day));
            }
        }

        if (receivedOn is { } received)
        {
            if (dueOn < received)
            {
                cells.Error("due_on", ImportMessages.EndBeforeStart, IsoDate.Format(dueOn.Value), "received_on", IsoDate.Format(received));
            }

            if (completedOn < received)
            {
                cells.Error("completed_on", ImportMessages.EndBeforeStart, IsoDate.Format(completedOn.Value), "received_on", IsoDate.Format(received));
            }

            if (received > Today)
            {
                cells.Error("received_on", ImportMessages.AfterToday, IsoDate.Format(received), IsoDate.Format(Today));
            }

            if (level == ServiceLevel.District && received >= DistrictsEnded)
            {
                cells.Error("level", ImportMessages.NoDistrictLevelOn, IsoDate.Format(received), IsoDate.Format(DistrictsEnded));
            }
        }

        if (completedOn is not null && result is null && cells.IsBlank("result"))
        {
            cells.Error("result", ImportMessages.RequiredWith, "completed_on");
        }

        if (completedOn is null && result is not null && cells.IsBlank("completed_on"))
        {
            cells.Error("completed_on", ImportMessages.RequiredWith, "result");
        }

        if (cells.HasErrors)
        {
            return null;
        }

        return new Dossier
        {
            Code = code!,
            ProcedureCode = procedureCode!,
            ProcedureName = procedureName!,
            Field = field!,
            Level = level!.Value,
            UnitId = unit!.Id,
            Channel = channel!.Value,
            OnlineService = onlineService!.Value,
            ReceivedOn = receivedOn!.Value,
            DueOn = dueOn!.Value,
            CompletedOn = completedOn,
            Result = result,
            ElectronicResult = electronicResult ?? false,
            Digitised = digitised ?? false,
            PaidOnline = paidOnline ?? false,
            Satisfaction = (byte?)satisfaction,
        };
    }

    /// <summary>
    /// Reports a code given on an earlier row; then, while <paramref name="write"/> (no error so far), adds the new
    /// dossiers through the bulk path and corrects the changed ones, with their facts (those of the new ones gathered over
    /// the chunks, <paramref name="gathered"/>).
    /// </summary>
    private async Task WriteAsync(
        List<(Dossier Dossier, RowCells Cells)> chunk, SeenCodes seen, IndicatorFacts.GatheredFacts gathered, bool write, Tally tally, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        var firstRowOf = await seen.AddAsync(chunk.Select(r => (r.Dossier.Code, r.Cells.Row.Number)).ToList(), cancellationToken);
        var rows = new List<(Dossier Dossier, RowCells Cells)>(chunk.Count);
        foreach (var (dossier, cells) in chunk)
        {
            if (firstRowOf.TryGetValue(dossier.Code, out var first) && first != cells.Row.Number)
            {
                cells.Error("dossier_code", ImportMessages.SameKeyAsRow, dossier.Code, first);
            }
            else
            {
                rows.Add((dossier, cells));
            }
        }

        if (!write || rows.Count < chunk.Count)
        {
            return;
        }

        var codes = rows.Select(r => r.Dossier.Code).ToList();
        var stored = await db.Dossiers.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        var added = new List<Dossier>();
        foreach (var (dossier, _) in rows)
        {
            if (!stored.TryGetValue(dossier.Code, out var existing))
            {
                added.Add(dossier);
            }
            else if (existing.CopyFrom(dossier))
            {
                tally.Changed++;
            }
            else
            {
                tally.Unchanged++;
            }
        }

        // The changed ones: a save with their facts (dossiers are not audited a row at a time).
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        await BulkInsert.RowsAsync(db, added, cancellationToken);
        await gathered.AddNewAsync(added, cancellationToken);

        tally.Added += added.Count;
    }

    /// <summary>
    /// The dossier codes an import has read so far, with their rows, in a temporary table of its connection, created in
    /// the import's transaction: a rollback takes it away, and the import drops it before it commits.
    /// </summary>
    private sealed class SeenCodes
    {
        private readonly OversightDbContext db;
        private readonly bool postgres;

        private SeenCodes(OversightDbContext db)
        {
            this.db = db;
            postgres = db.Database.IsNpgsql();
        }

        public static async Task<SeenCodes> CreateAsync(OversightDbContext db, CancellationToken cancellationToken)
        {
            var seen = new SeenCodes(db);
            await seen.ExecuteAsync(
                $"CREATE TEMP TABLE {SeenTable} (\"Code\" text PRIMARY KEY, \"Row\" integer NOT NULL)", null, cancellationToken);
            return seen;
        }

        /// <summary>Adds the codes not seen yet; returns, for each code of <paramref name="codes"/>, the first row that has it.</summary>
        public async Task<Dictionary<string, int>> AddAsync(IReadOnlyList<(string Code, int Row)> codes, CancellationToken cancellationToken)
        {
            var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
            var list = codes.Select(c => c.Code).ToArray();
            await using (var command = Command(
                postgres
                    ? $"SELECT \"Code\", \"Row\" FROM {SeenTable} WHERE \"Code\" = ANY(@codes)"
                    : $"SELECT \"Code\", \"Row\" FROM {SeenTable} WHERE \"Code\" IN (SELECT value FROM json_each(@codes))",
                [("codes", list)]))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    firstRowOf[reader.GetString(0)] = reader.GetInt32(1);
                }
            }

            var fresh = new List<(string Code, int Row)>();
            foreach (var (code, row) in codes)
            {
                if (firstRowOf.TryAdd(code, row))
                {
                    fresh.Add((code, row));
                }
            }

            // On SQLite one array of pairs: two arrays joined on their keys made SQLite walk the one for each element of the
            // other, 2,000 × 2,000 per chunk (a third of the import's time).
            await ExecuteAsync(
                postgres
                    ? $"INSERT INTO {SeenTable} SELECT * FROM unnest(@codes, @rows)"
                    : $"INSERT INTO {SeenTable} SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@pairs)",
                postgres
                    ? [("codes", fresh.Select(f => f.Code).ToArray()), ("rows", fresh.Select(f => f.Row).ToArray())]
                    : [("pairs", fresh.Select(f => new object[] { f.Code, f.Row }).ToArray())],
                cancellationToken);
            return firstRowOf;
        }

        public Task DropAsync(CancellationToken cancellationToken) => ExecuteAsync($"DROP TABLE {SeenTable}", null, cancellationToken);

        private async Task ExecuteAsync(string sql, IReadOnlyList<(string Name, Array Values)>? parameters, CancellationToken cancellationToken)
        {
            await using var command = Command(sql, parameters);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private DbCommand Command(string sql, IReadOnlyList<(string Name, Array Values)>? parameters)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            foreach (var (name, values) in parameters ?? [])
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                parameter.Value = postgres ? values : JsonSerializer.Serialize(values);
                command.Parameters.Add(parameter);
            }

            return command;
        }
    }
}
