using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Oversight.Data;

/// <summary>
/// A transaction that writes: the one way Oversight begins one (<see cref="OversightDbContext.SaveChangesAsync(bool, CancellationToken)"/>
/// begins one unless one is open; imports and the demo hold one around their work). On PostgreSQL it is a plain
/// transaction (the server already flushes concurrent commits together); on SQLite the process's writers take turns
/// and their commits are made durable in groups (<see cref="SqliteWriters"/>). A commit returns once it is on disk
/// either way.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction transaction;
    private readonly DatabaseFacade? openedConnectionOf;
    private SqliteWriters? turn;

    private WriteTransaction(IDbContextTransaction transaction, DatabaseFacade? openedConnectionOf, SqliteWriters? turn)
    {
        this.transaction = transaction;
        this.openedConnectionOf = openedConnectionOf;
        this.turn = turn;
    }

    public static async Task<WriteTransaction> BeginAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (database.GetDbConnection() is not SqliteConnection sqlite)
        {
            return new WriteTransaction(await database.BeginTransactionAsync(cancellationToken), null, null);
        }

        var writers = SqliteWriters.Of(sqlite);
        await writers.TakeTurnAsync(cancellationToken);
        var opened = false;
        try
        {
            // The commit's flushing is set on the connection, outside a transaction.
            await database.OpenConnectionAsync(cancellationToken);
            opened = true;
            await writers.PrepareAsync(database, cancellationToken);
            return new WriteTransaction(await database.BeginTransactionAsync(cancellationToken), database, writers);
        }
        catch
        {
            if (opened)
            {
                await database.CloseConnectionAsync();
            }

            writers.EndTurn();
            throw;
        }
    }

    /// <summary>Commits, lets the next writer in, and returns once the commit is on disk.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await transaction.CommitAsync(cancellationToken);
        if (turn is { } writers)
        {
            turn = null;
            writers.EndTurn();
            await writers.FlushedAsync();
        }
    }

    public Task RollbackAsync(CancellationToken cancellationToken) => transaction.RollbackAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        if (openedConnectionOf is not null)
        {
            await openedConnectionOf.CloseConnectionAsync();
        }

        turn?.EndTurn();
        turn = null;
    }
}

/// <summary>
/// The writers of one SQLite database file in this process.
/// </summary>
/// <remarks>
/// <para>
/// SQLite lets one transaction write at a time; the others poll its lock, and Microsoft.Data.Sqlite sleeps between
/// polls. Here they wait for their turn on an async lock instead, in arrival order, without sleeping. (Another process,
/// such as the command line, still meets SQLite's lock and polls as before.)
/// </para>
/// <para>
/// With <c>synchronous=FULL</c> every commit flushes the write-ahead log to disk on its own, a few milliseconds each,
/// which caps the writes of a process at a few hundred a second. So in WAL mode a write transaction runs with
/// <c>synchronous=NORMAL</c>, under which a commit only appends to the log, and its committer then waits for the next
/// flush of the log file: one thread flushes it for all the commits made before the flush began (group commit). A
/// commit is acknowledged only once the log holding it is on disk, as with FULL; on recovery SQLite replays every
/// committed transaction in the log, so none that was acknowledged is lost to a power failure. Checkpoints under
/// NORMAL flush the log before copying it into the database and flush the database after.
/// </para>
/// </remarks>
internal sealed class SqliteWriters
{
    private static readonly ConcurrentDictionary<string, SqliteWriters> ByFile = new(StringComparer.Ordinal);

    /// <summary>As long as SQLite's own lock is waited for before "database is locked".</summary>
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly Lock flushGate = new();
    private readonly string logFile;
    private bool? writeAheadLog;
    private TaskCompletionSource? nextFlush;
    private bool flushing;

    private SqliteWriters(string databaseFile) => logFile = databaseFile + "-wal";

    public static SqliteWriters Of(SqliteConnection connection) =>
        ByFile.GetOrAdd(Path.GetFullPath(connection.DataSource), file => new SqliteWriters(file));

    public async Task TakeTurnAsync(CancellationToken cancellationToken)
    {
        if (!await turn.WaitAsync(TurnTimeout, cancellationToken))
        {
            throw new TimeoutException($"Waited {TurnTimeout.TotalSeconds:0} s for another write to the database to finish.");
        }
    }

    public void EndTurn() => turn.Release();

    /// <summary>In WAL mode, lets the next commit on the open connection append to the log without flushing it.</summary>
    public async Task PrepareAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        writeAheadLog ??= string.Equals(
            await database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode()").SingleAsync(cancellationToken),
            "wal",
            StringComparison.OrdinalIgnoreCase);
        if (writeAheadLog == true)
        {
            await database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL", cancellationToken);
        }
    }

    /// <summary>Completes once the log has been flushed to disk by a flush that began after this call.</summary>
    public Task FlushedAsync()
    {
        if (writeAheadLog != true)
        {
            return Task.CompletedTask;
        }

        lock (flushGate)
        {
            var flush = nextFlush ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!flushing)
            {
                flushing = true;
                _ = Task.Run(FlushWhileWaitedFor);
            }

            return flush.Task;
        }
    }

    private void FlushWhileWaitedFor()
    {
        while (true)
        {
            TaskCompletionSource? flush;
            lock (flushGate)
            {
                (flush, nextFlush) = (nextFlush, null);
                if (flush is null)
                {
                    flushing = false;
                    return;
                }
            }

            try
            {
                using (var log = File.OpenHandle(logFile, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
                {
                    RandomAccess.FlushToDisk(log);
                }

                flush.SetResult();
            }
            catch (FileNotFoundException)
            {
                // The last connection closed, checkpointed the log into the database and flushed it: nothing left to flush.
                flush.SetResult();
            }
            catch (Exception exception)
            {
                flush.SetException(exception);
            }
        }
    }
}
