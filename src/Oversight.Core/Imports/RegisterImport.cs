using Oversight.Accounts;
using Oversight.Data;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Imports;

/// <summary>What importing one row did to its record.</summary>
public enum RowOutcome
{
    Created,
    Updated,
    Unchanged,
    Failed,
}

/// <summary>
/// An import of a unit's register (cases, reception sessions, dialogue meetings, accountability records) through the services officers use
/// by hand, so each row is checked and recorded exactly as if entered on a page. Open to any signed-in caller: a row
/// naming a unit outside the caller's scope fails.
/// </summary>
/// <remarks>
/// <para>Rows are matched by their register number (<c>reference</c>, required and once per file) and written in the
/// order of their dates, in one database transaction the services' saves join. With any error, or on a dry run,
/// the transaction is rolled back: nothing is written, and every row's errors are reported.</para>
/// <para>Memory does not grow with the file: each row is read and checked by itself in the file's order and, when it
/// passes, put aside on disk (<see cref="RowSpill"/>); what stays in memory is its key (to find a second row with the
/// same one), its date and its place. The rows are then read back in the order of their dates and written,
/// <see cref="Chunk"/> at a time after <see cref="BeginChunkAsync"/> has read what they name.</para>
/// </remarks>
public abstract class RegisterImport<TRow>(OversightDbContext db, Caller caller, TimeProvider time, ImportSettings settings) : SpreadsheetImport(caller, time, settings)
    where TRow : class
{
    /// <summary>Rows read back and written at a time, after <see cref="BeginChunkAsync"/> has read what they name.</summary>
    private const int Chunk = 2_000;

    public override bool AdministratorsOnly => false;

    /// <summary>The context the services save through; the import's transaction is opened on it.</summary>
    protected OversightDbContext Db { get; } = db;

    /// <summary>The records' name in the plural, for the tally: <c>cases</c>.</summary>
    protected abstract string Records { get; }

    /// <summary>The row's values; null when a cell could not be read (reported through <paramref name="cells"/>).</summary>
    protected abstract TRow? Read(RowCells cells);

    protected abstract string ReferenceOf(TRow row);

    /// <summary>The column of the key rows are matched on: <c>reference</c>, or <c>symbol</c>, <c>decision_number</c>.</summary>
    protected virtual string ReferenceColumn => "reference";

    /// <summary>What a second row with the same key is told: its register number is on an earlier row.</summary>
    protected virtual ImportMessage SameKeyAsRow => ImportMessages.SameReferenceAsRow;

    /// <summary>The row's first date: rows are written in this order, so a case can name an earlier one as its precedent.</summary>
    protected abstract DateOnly DayOf(TRow row);

    /// <summary>Writes one row (a save per step is fine: the transaction is open), reporting its errors.</summary>
    protected abstract Task<RowOutcome> WriteAsync(TRow row, RowCells cells, CancellationToken cancellationToken);

    /// <summary>
    /// Reports a service's field errors on the row, each under the column its field comes from: <paramref name="columns"/>
    /// maps a field to its column; a field not in it names the column in snake case (<c>heldOn</c>: <c>held_on</c>).
    /// </summary>
    protected static void Report(RowCells cells, IEnumerable<FieldError> errors, IReadOnlyDictionary<string, string>? columns = null)
    {
        foreach (var error in errors)
        {
            var column = columns?.GetValueOrDefault(error.Field) ?? (string.IsNullOrEmpty(error.Field) ? null : SnakeCase(error.Field));
            cells.Error(column, error);
        }
    }

    /// <summary>Reports what creating (<paramref name="existed"/> false) or correcting a row's record did, and its errors.</summary>
    protected static RowOutcome Outcome<TRecord>(RowCells cells, bool existed, RecordResult<TRecord> result)
        where TRecord : class
    {
        Report(cells, result.Errors);
        return !result.Succeeded ? RowOutcome.Failed : !existed ? RowOutcome.Created : result.Changed ? RowOutcome.Updated : RowOutcome.Unchanged;
    }

    /// <summary>Corrects the row's record when one is <paramref name="existing"/>, creates it otherwise, and reports what that did.</summary>
    protected static async Task<RowOutcome> CreateOrCorrectAsync<TRecord>(
        RowCells cells, TRecord? existing, Func<Task<RecordResult<TRecord>>> create, Func<TRecord, Task<RecordResult<TRecord>>> correct)
        where TRecord : class =>
        Outcome(cells, existing is not null, existing is null ? await create() : await correct(existing));

    private static string SnakeCase(string field) =>
        string.Concat(field.Select((c, i) => char.IsUpper(c) ? (i == 0 ? "" : "_") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>
    /// Called for each row that passed its own checks, in the file's order, before the import's transaction opens: work
    /// that must not be done inside it.
    /// </summary>
    protected virtual void Checked(TRow row)
    {
    }

    /// <summary>
    /// Reads, in the transaction, what the next rows to be written name (at most <see cref="Chunk"/> of them, in the order
    /// they are written): an import that writes its rows in bulk reads it once for many rows.
    /// </summary>
    protected virtual Task BeginChunkAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// After each row, and once more at the <paramref name="end"/>: an import that writes in bulk writes what its rows
    /// left while <paramref name="keep"/> (no row has failed so far, not a dry run), and forgets it otherwise.
    /// </summary>
    protected virtual Task FlushAsync(bool keep, bool end, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A day as a request takes it (<c>YYYY-MM-DD</c>); null stays null.</summary>
    protected static string? Iso(DateOnly? day) => day is { } value ? IsoDate.Format(value) : null;

    protected sealed override async Task<ImportResult> ImportAsync(TabularTable table, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new ImportErrors();
        using var spill = new RowSpill();
        var order = Check(table, errors, spill, progress, cancellationToken);
        var tally = new Dictionary<RowOutcome, int>();
        await using (var transaction = await WriteTransaction.BeginAsync(Db.Database, cancellationToken))
        {
            var written = 0;
            foreach (var chunk in order.Chunk(Chunk))
            {
                var rows = chunk.Select(place => ReadAgain(spill.Read(place.Place), errors)).ToList();
                await BeginChunkAsync(rows.Select(r => r.Row).ToList(), cancellationToken);
                foreach (var (row, cells) in rows)
                {
                    var outcome = await WriteAsync(row, cells, cancellationToken);
                    tally[outcome] = tally.GetValueOrDefault(outcome) + 1;

                    // The row is saved in the transaction: forgetting its records keeps each later save's change detection
                    // to its own row's (otherwise every save looks at every row before it, and the import takes the square
                    // of its rows).
                    Db.ChangeTracker.Clear();
                    await FlushAsync(errors.Count == 0 && !dryRun, end: false, cancellationToken);
                    ImportProgress.Report(progress, ImportStage.Writing, ++written, order.Count);
                }
            }

            await FlushAsync(errors.Count == 0 && !dryRun, end: true, cancellationToken);
            if (errors.Count > 0 || dryRun)
            {
                await transaction.RollbackAsync(cancellationToken);
                Db.ChangeTracker.Clear();
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return errors.Count > 0
            ? errors.Result(table.File, table.RowCount, dryRun)
            : new ImportResult(table.File, table.RowCount, dryRun, [], [new ImportTally(Records, tally.GetValueOrDefault(RowOutcome.Created), tally.GetValueOrDefault(RowOutcome.Updated), tally.GetValueOrDefault(RowOutcome.Unchanged))]);
    }

    /// <summary>
    /// Checks each row by itself, and that no key is on two rows, in the file's order; puts aside the rows that pass and
    /// returns their places in the order they are to be written: by date, then by row.
    /// </summary>
    private List<(DateOnly Day, int Number, long Place)> Check(
        TabularTable table, ImportErrors errors, RowSpill spill, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<(DateOnly Day, int Number, long Place)>();
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

            if (firstRowOf.TryGetValue(ReferenceOf(row), out var first))
            {
                cells.Error(ReferenceColumn, SameKeyAsRow, ReferenceOf(row), first);
                continue;
            }

            firstRowOf[ReferenceOf(row)] = source.Number;
            Checked(row);
            order.Add((DayOf(row), source.Number, spill.Add(source)));
        }

        order.Sort();
        return order;
    }

    /// <summary>A row put aside, read again: it passed its checks once, and reads the same.</summary>
    private (TRow Row, RowCells Cells) ReadAgain(TabularRow source, ImportErrors errors)
    {
        var cells = errors.Cells(source);
        return (Read(cells) ?? throw new InvalidOperationException($"Row {source.Number} passed its checks, then failed them when read again."), cells);
    }
}
