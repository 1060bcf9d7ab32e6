using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Oversight.Accounts;
using Oversight.Audit;
using Oversight.Data;

namespace Oversight.Imports;

public enum ImportJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// A file given to an import, run in the background by whichever node claims it: its file until it has run, how far
/// it has come, and its result. The records it writes are audited by the import; the job's creation says who gave
/// which file.
/// </summary>
/// <remarks>
/// The file's bytes are kept in the job's row, in a column the model knows only by name (<see cref="ImportJobFiles"/>):
/// they are streamed into it and out of it, never loaded with the job, so that neither the node given the file nor the
/// one running it holds the file in memory.
/// </remarks>
public sealed class ImportJob
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The import's name (<see cref="SpreadsheetImport.Name"/>): <c>cases</c>.</summary>
    public required string Kind { get; init; }

    public required string FileName { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file.</summary>
    public required string Sha256 { get; init; }

    public bool DryRun { get; init; }

    /// <summary>The account that gave the file: the import runs with its roles and scope.</summary>
    public required string RequestedBy { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public ImportJobStatus Status { get; set; }

    public ImportStage? Stage { get; set; }

    public int RowsDone { get; set; }

    public int RowsTotal { get; set; }

    /// <summary>Until when the node running the job holds it; past it, another node may run the job again from the start.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The <see cref="ImportResult"/> as JSON, once the job has run.</summary>
    public string? Result { get; set; }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> job)
    {
        // Times as UTC ticks, so that SQLite orders and compares them as PostgreSQL does.
        var ticks = new DateTimeOffsetToBinaryConverter();
        job.Property(j => j.Kind).HasMaxLength(64);
        job.Property(j => j.FileName).HasMaxLength(255);
        job.Property(j => j.Sha256).HasMaxLength(64);
        job.Property<byte[]?>(ImportJobFiles.Column).HasAnnotation(AuditTrail.NotAudited, true);
        job.Property(j => j.RequestedBy).HasMaxLength(450);
        job.Property(j => j.RequestedAt).HasConversion(ticks);
        job.Property(j => j.Status).HasConversion<WireEnumConverter<ImportJobStatus>>().HasMaxLength(16);
        job.Property(j => j.Stage).HasConversion<WireEnumConverter<ImportStage>>().HasMaxLength(16);
        job.Property(j => j.LeaseExpiresAt).HasConversion(ticks);
        job.Property(j => j.FinishedAt).HasConversion(ticks);
        job.HasIndex(j => new { j.Status, j.RequestedAt });
        job.HasIndex(j => new { j.RequestedBy, j.RequestedAt });
    }
}

/// <summary>
/// Queues files for import and runs them in the background, one at a time per node, on any node: a job is claimed
/// by one atomic update, holds a lease it renews while it runs, and is run again from the start by another node
/// when its node stopped (its transaction was rolled back with it, so nothing of it was written).
/// </summary>
public sealed class ImportJobs(OversightDbContext db, Caller caller, ImportCatalog catalog, TimeProvider time)
{
    /// <summary>How long a claim holds without renewal.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How often a running job writes its progress and renews its lease.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The imports the caller may give files to.</summary>
    public IReadOnlyList<SpreadsheetImport> Available => catalog.All.Where(i => !i.AdministratorsOnly || caller.IsAdministrator).ToArray();

    /// <summary>
    /// Queues <paramref name="content"/> (seekable: it is read twice, for its digest and into the database) for the import
    /// named <paramref name="kind"/>; null when the caller may not run it.
    /// </summary>
    public async Task<ImportJob?> QueueAsync(string kind, string fileName, Stream content, bool dryRun, CancellationToken cancellationToken = default)
    {
        if (caller.UserId is not { } userId || Available.FirstOrDefault(i => string.Equals(i.Name, kind, StringComparison.OrdinalIgnoreCase)) is not { } import)
        {
            return null;
        }

        content.Position = 0;
        var job = new ImportJob
        {
            Kind = import.Name,
            FileName = fileName,
            Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken)),
            DryRun = dryRun,
            RequestedBy = userId,
            RequestedAt = time.GetUtcNow(),
            Status = ImportJobStatus.Queued,
        };
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        content.Position = 0;
        await ImportJobFiles.WriteAsync(db, job.Id, content, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return job;
    }

    /// <summary>A job the caller gave, or any job for an administrator; null otherwise.</summary>
    public Task<ImportJob?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        Visible().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);

    /// <summary>The caller's latest jobs, newest first.</summary>
    public Task<List<ImportJob>> RecentAsync(int count, CancellationToken cancellationToken = default) =>
        Visible().Where(j => j.RequestedBy == caller.UserId).OrderByDescending(j => j.RequestedAt).Take(count).ToListAsync(cancellationToken);

    /// <summary>The result of a job that has run.</summary>
    public static ImportResult? ResultOf(ImportJob job) => job.Result is { } result ? JsonSerializer.Deserialize<ImportResult>(result, Json) : null;

    /// <summary>The jobs the caller may see, without their files.</summary>
    private IQueryable<ImportJob> Visible() =>
        db.ImportJobs.Where(j => caller.IsAdministrator || j.RequestedBy == caller.UserId).Select(j => new ImportJob
        {
            Id = j.Id, Kind = j.Kind, FileName = j.FileName, Sha256 = j.Sha256, DryRun = j.DryRun, RequestedBy = j.RequestedBy, RequestedAt = j.RequestedAt,
            Status = j.Status, Stage = j.Stage, RowsDone = j.RowsDone, RowsTotal = j.RowsTotal, LeaseExpiresAt = j.LeaseExpiresAt, FinishedAt = j.FinishedAt, Result = j.Result,
        });

    /// <summary>
    /// Claims the oldest job waiting (or left by a node that stopped) and runs it in a scope of its own, as the
    /// account that gave it. False when no job was waiting.
    /// </summary>
    public static async Task<bool> RunNextAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var time = services.GetRequiredService<TimeProvider>();
        Guid id;
        await using (var scope = services.CreateAsyncScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<OversightDbContext>().ImportJobs;
            var now = time.GetUtcNow();
            var waiting = jobs.Where(j => j.Status == ImportJobStatus.Queued || (j.Status == ImportJobStatus.Running && j.LeaseExpiresAt < now));
            var candidate = await waiting.OrderBy(j => j.RequestedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
            if (candidate is not { } found)
            {
                return false;
            }

            var claimed = await waiting.Where(j => j.Id == found).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, ImportJobStatus.Running).SetProperty(j => j.LeaseExpiresAt, now + Lease)
                    .SetProperty(j => j.Stage, (ImportStage?)null).SetProperty(j => j.RowsDone, 0).SetProperty(j => j.RowsTotal, 0),
                cancellationToken);
            if (claimed == 0)
            {
                return true;
            }

            id = found;
        }

        var progress = new JobProgress(services, id, time);
        var writing = progress.WriteUntilStoppedAsync(logger, cancellationToken);
        ImportResult result;
        try
        {
            result = await RunAsync(services, id, progress, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Import job {Job} stopped.", id);
            var fileName = await FileNameAsync(services, id, cancellationToken);
            result = ImportResult.Failed(fileName, 0, false, [ImportMessages.Stopped.At(fileName, 0, null)]);
        }
        finally
        {
            await progress.StopAsync(writing);
        }

        var (stage, done, total) = progress.Latest;
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OversightDbContext>().ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, result.Succeeded ? ImportJobStatus.Succeeded : ImportJobStatus.Failed)
                    .SetProperty(j => j.Stage, stage).SetProperty(j => j.RowsDone, done).SetProperty(j => j.RowsTotal, total)
                    .SetProperty(j => j.Result, JsonSerializer.Serialize(result, Json))
                    .SetProperty(j => EF.Property<byte[]?>(j, ImportJobFiles.Column), (byte[]?)null)
                    .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(j => j.FinishedAt, time.GetUtcNow()),
                CancellationToken.None);
        }

        return true;
    }

    private static async Task<ImportResult> RunAsync(IServiceProvider services, Guid id, IProgress<ImportProgress> progress, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var job = await db.ImportJobs.Where(j => j.Id == id).Select(j => new { j.Kind, j.FileName, j.DryRun, j.RequestedBy }).FirstAsync(cancellationToken);
        if (await scope.ServiceProvider.ActAsAsync(job.RequestedBy) is null)
        {
            return ImportResult.Failed(job.FileName, 0, job.DryRun, [ImportMessages.AccountGone.At(job.FileName, 0, null)]);
        }

        var import = scope.ServiceProvider.GetRequiredService<ImportCatalog>().Find(job.Kind)
            ?? throw new InvalidOperationException($"No spreadsheet import is registered for '{job.Kind}'.");
        await using var content = ImportJobFiles.TemporaryFile();
        await ImportJobFiles.CopyAsync(db, id, content, cancellationToken);
        return await import.ImportAsync(job.FileName, content, job.DryRun, progress, cancellationToken);
    }

    private static async Task<string> FileNameAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OversightDbContext>().ImportJobs.Where(j => j.Id == id).Select(j => j.FileName).FirstAsync(cancellationToken);
    }

    /// <summary>
    /// Keeps the latest progress the import reported and writes it, with a renewed lease, every
    /// <see cref="ProgressInterval"/> through a connection of its own, so the import never waits for it. On SQLite
    /// that write waits while the import holds the database's one write lock, and the page shows the last stage
    /// written until then.
    /// </summary>
    private sealed class JobProgress(IServiceProvider services, Guid id, TimeProvider time) : IProgress<ImportProgress>
    {
        private readonly CancellationTokenSource stop = new();
        private volatile ImportProgress? latest;

        public void Report(ImportProgress value) => latest = value;

        /// <summary>The last stage reported and its rows, as the job's columns keep them.</summary>
        public (ImportStage? Stage, int Done, int Total) Latest => latest is { } current ? (current.Stage, current.Done, current.Total) : (null, 0, 0);

        public async Task WriteUntilStoppedAsync(ILogger logger, CancellationToken cancellationToken)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, cancellationToken);
            try
            {
                while (true)
                {
                    await Task.Delay(ProgressInterval, linked.Token);
                    var (stage, done, total) = Latest;
                    try
                    {
                        await using var scope = services.CreateAsyncScope();
                        var lease = time.GetUtcNow() + Lease;
                        await scope.ServiceProvider.GetRequiredService<OversightDbContext>().ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(
                            s => s.SetProperty(j => j.LeaseExpiresAt, lease).SetProperty(j => j.Stage, stage)
                                .SetProperty(j => j.RowsDone, done).SetProperty(j => j.RowsTotal, total),
                            linked.Token);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        logger.LogWarning(exception, "Writing the progress of import job {Job} failed; it is tried again.", id);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped: the job has run, or the host is stopping.
            }
        }

        public async Task StopAsync(Task writing)
        {
            await stop.CancelAsync();
            await writing;
            stop.Dispose();
        }
    }
}
