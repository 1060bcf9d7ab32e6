using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Oversight.Data;

/// <summary>
/// Inserts many new rows of one entity type through the provider's bulk path, inside the context's current
/// transaction: SQLite one prepared statement executed per row, PostgreSQL binary <c>COPY</c>.
/// </summary>
/// <remarks>
/// Tables, columns and value conversions (enums as wire names, Guids as SQLite text) come from the EF model
/// and its type mappings, so the rows are stored exactly as EF would store them. This writes rows only: the
/// caller audits them (see <see cref="Organisation.ReferenceImport.ReferencePlanWriter"/>). EF's own inserts cost some 100 µs a row on
/// either provider; these cost a few.
/// </remarks>
internal static class BulkInsert
{
    public static async Task RowsAsync<T>(OversightDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        // An integer key the database numbers (the audit trail's) is left to it.
        var columns = type.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long))).Select(p => new Column(
            p.GetColumnName(table) ?? throw new InvalidOperationException($"{type.DisplayName()}.{p.Name} has no column."),
            p.GetRelationalTypeMapping(),
            p.IsShadowProperty() ? throw new InvalidOperationException($"{type.DisplayName()}.{p.Name} is a shadow property; bulk insert reads values from the entity.") : p.GetGetter()))
            .ToArray();
        var sqlGenerator = db.GetService<ISqlGenerationHelper>();
        var tableName = sqlGenerator.DelimitIdentifier(table.Name, table.Schema);
        var columnList = string.Join(", ", columns.Select(c => sqlGenerator.DelimitIdentifier(c.Name)));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");

        if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, tableName, columnList, columns, rows, cancellationToken);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {tableName} ({columnList}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string tableName, string columnList, Column[] columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        // The parameter EF would bind tells the wire type of each column.
        await using var probe = connection.CreateCommand();
        var types = columns.Select(c => ((NpgsqlParameter)c.Mapping.CreateParameter(probe, "probe", null)).NpgsqlDbType).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {tableName} ({columnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        // Values are written without awaiting each: the importer buffers them, and only a full buffer goes to the
        // server (an await per value cost more than the rest of the copy).
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            importer.StartRow();
            for (var i = 0; i < columns.Length; i++)
            {
                if (columns[i].ProviderValue(row) is not { } value)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write(value, types[i]);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)
    {
        /// <summary>The value as the database stores it, after the mapping's converter (an enum's wire name).</summary>
        public object? ProviderValue(object row)
        {
            var value = Getter.GetClrValue(row);
            return value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
