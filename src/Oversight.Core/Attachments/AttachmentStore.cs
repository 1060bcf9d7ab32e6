using Microsoft.Extensions.Configuration;

namespace Oversight.Attachments;

/// <summary>
/// Where the bytes of attachments are kept, by the attachment's id. The local disk by default; a server deployment
/// can register another implementation (object storage) without changing anything else.
/// </summary>
public interface IAttachmentStore
{
    Task WriteAsync(Guid id, Stream content, CancellationToken cancellationToken);

    /// <summary>The bytes of an attachment; null when the store has none.</summary>
    Task<Stream?> OpenReadAsync(Guid id, CancellationToken cancellationToken);

    Task DeleteAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>The limits on attachments and where the local store keeps them (<c>Attachments:*</c>).</summary>
/// <param name="Root">The folder of the local store: <c>Attachments:Root</c>, by default <c>data/attachments</c>, beside the database and outside the web root.</param>
/// <param name="MaxBytes">The largest file accepted: <c>Attachments:MaxBytes</c>, by default 20 MiB.</param>
/// <param name="MaxFiles">The most files one form may carry.</param>
public sealed record AttachmentSettings(string Root, long MaxBytes, int MaxFiles)
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public static AttachmentSettings From(IConfiguration configuration) => new(
        configuration["Attachments:Root"] is { Length: > 0 } root ? root : Path.Combine("data", "attachments"),
        configuration.GetValue("Attachments:MaxBytes", DefaultMaxBytes),
        MaxFiles: 10);
}

/// <summary>Attachments as files under <see cref="AttachmentSettings.Root"/>, one per id, in folders by the id's last two characters (the random part of a version 7 id).</summary>
public sealed class LocalDiskAttachmentStore(AttachmentSettings settings) : IAttachmentStore
{
    public async Task WriteAsync(Guid id, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written beside the target and moved into place, so a reader never sees half a file.
        var partial = path + ".partial";
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(partial, path, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var path = PathOf(id);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(id));
        return Task.CompletedTask;
    }

    private string PathOf(Guid id)
    {
        var name = id.ToString("N");
        return Path.Combine(Path.GetFullPath(settings.Root), name[^2..], name);
    }
}
