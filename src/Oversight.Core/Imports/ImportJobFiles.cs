using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Oversight.Data;

namespace Oversight.Imports;

/// <summary>
/// The file of an import job, streamed into its row and out of it a buffer at a time: a file of the imports page's
/// 64 MiB is never held in memory, neither by the node it is given to nor by the node that runs it.
/// </summary>
/// <remarks>
/// EF reads and writes a column's value whole, so this goes to each provider's own streams: SQLite's incremental blob
/// I/O (<see cref="SqliteBlob"/> over a <c>zeroblob</c> of the file's length), Npgsql's stream parameters and its
/// sequential reader. Table and column names come from the model.
/// </remarks>
internal static class ImportJobFiles
{
    /// <summary>The column of <see cref="ImportJob"/> that keeps the file, until the job has run.</summary>
    public const string Column = "Content";

    /// <summary>A temporary file, deleted once closed, for a job's file while it runs (an XLSX is a zip archive: it is read by seeking).</summary>
    public static FileStream TemporaryFile() => new(
        Path.Combine(Path.GetTempPath(), $"oversight-import-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    /// <summary>Writes <paramref name="content"/>, from its position to its end, as the file of job <paramref name="id"/>, in the current transaction.</summary>
    public static async Task WriteAsync(OversightDbContext db, Guid id, Stream content, CancellationToken cancellationToken)
    {
        var (table, column, key) = Names(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            var reserve = $"UPDATE {sql.DelimitIdentifier(table)} SET {sql.DelimitIdentifier(column)} = zeroblob({{0}}) WHERE {sql.DelimitIdentifier(key)} = {{1}}";
            await db.Database.ExecuteSqlRawAsync(reserve, [content.Length - content.Position, id], cancellationToken);
            await using var blob = new SqliteBlob(sqlite, table, column, await RowIdAsync(db, id, cancellationToken));
            await content.CopyToAsync(blob, cancellationToken);
            return;
        }

        var update = $"UPDATE {sql.DelimitIdentifier(table)} SET {sql.DelimitIdentifier(column)} = @content WHERE {sql.DelimitIdentifier(key)} = @id";
        await db.Database.ExecuteSqlRawAsync(update, [new NpgsqlParameter("content", NpgsqlDbType.Bytea) { Value = content }, new NpgsqlParameter("id", id)], cancellationToken);
    }

    /// <summary>Copies the file of job <paramref name="id"/> to <paramref name="destination"/>, and rewinds it.</summary>
    public static async Task CopyAsync(OversightDbContext db, Guid id, Stream destination, CancellationToken cancellationToken)
    {
        var (table, column, key) = Names(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.GetDbConnection() is SqliteConnection sqlite)
            {
                await using var blob = new SqliteBlob(sqlite, table, column, await RowIdAsync(db, id, cancellationToken), readOnly: true);
                await blob.CopyToAsync(destination, cancellationToken);
            }
            else
            {
                await using var command = new NpgsqlCommand(
                    $"SELECT {sql.DelimitIdentifier(column)} FROM {sql.DelimitIdentifier(table)} WHERE {sql.DelimitIdentifier(key)} = @id",
                    (NpgsqlConnection)db.Database.GetDbConnection());
                command.Parameters.AddWithValue("id", id);
                await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"Import job {id} has no file.");
                }

                await using var file = await reader.GetStreamAsync(0, cancellationToken);
                await file.CopyToAsync(destination, cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        destination.Position = 0;
    }

    private static Task<long> RowIdAsync(OversightDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var (table, _, key) = Names(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var query = $"SELECT rowid AS \"Value\" FROM {sql.DelimitIdentifier(table)} WHERE {sql.DelimitIdentifier(key)} = {{0}}";
        return db.Database.SqlQueryRaw<long>(query, id).SingleAsync(cancellationToken);
    }

    private static (string Table, string Column, string Key) Names(OversightDbContext db)
    {
        var type = db.Model.FindEntityType(typeof(ImportJob))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        return (table.Name, type.FindProperty(Column)!.GetColumnName(table)!, type.FindPrimaryKey()!.Properties.Single().GetColumnName(table)!);
    }
}
