using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Oversight.Data;

namespace Oversight.Keys;

/// <summary>
/// The installation's secret, kept in a file apart from the database: the key ring of Data Protection is encrypted
/// with a key derived from it, and the audit chain's hashes are keyed with another. Whoever holds only the database,
/// or a backup of it, can neither decrypt a denouncer's identity nor recompute the chain.
/// </summary>
/// <remarks>
/// <c>Keys:File</c> names the file (every node of a deployment is given the same one); it holds 32 random bytes in
/// base64 (<c>openssl rand -base64 32 &gt; FILE</c>). Without the setting the embedded SQLite database has a default,
/// <c>keys/oversight.key</c> in the database's folder, made on first start; a PostgreSQL deployment without it does
/// not start. A named file that does not exist is an error too: a node must never make a key of its own that the
/// others do not have.
/// </remarks>
public sealed class InstallationKey
{
    public const string Setting = "Keys:File";
    private const int KeyBytes = 32;

    private readonly byte[] secret;

    private InstallationKey(string path, byte[] secret, bool created)
    {
        Path = path;
        this.secret = secret;
        Created = created;
    }

    /// <summary>The key file's full path.</summary>
    public string Path { get; }

    /// <summary>Whether this process made the file (the embedded default's first start).</summary>
    public bool Created { get; }

    /// <summary>A key for one use, derived from the secret (HKDF-SHA256) so that no two uses share a key.</summary>
    public byte[] Derive(string purpose) => HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, KeyBytes, info: Encoding.UTF8.GetBytes(purpose));

    /// <summary>Reads the key file the configuration names, or makes the embedded default; fails with what to do.</summary>
    public static InstallationKey Load(IConfiguration configuration, DatabaseSettings database)
    {
        if (configuration[Setting] is { Length: > 0 } configured)
        {
            var path = System.IO.Path.GetFullPath(configured);
            return File.Exists(path)
                ? new InstallationKey(path, Read(path), created: false)
                : throw new KeyFileException($"{Setting} names {path}, which does not exist. Give every node the installation's key file, "
                    + "or make a new one for a new installation: openssl rand -base64 32 > FILE.");
        }

        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new KeyFileException($"Oversight on {database.Provider} does not start without its key file: set {Setting} (Keys__File) to a file of "
                + "32 random bytes in base64 (openssl rand -base64 32 > FILE), kept apart from the database and given to every node.");
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource))!;
        var defaultPath = System.IO.Path.Combine(folder, "keys", "oversight.key");
        if (File.Exists(defaultPath))
        {
            return new InstallationKey(defaultPath, Read(defaultPath), created: false);
        }

        return new InstallationKey(defaultPath, Create(defaultPath), created: true);
    }

    private static byte[] Read(string path)
    {
        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            throw new KeyFileException($"The key file {path} does not hold base64 text.");
        }

        return secret.Length >= KeyBytes
            ? secret
            : throw new KeyFileException($"The key file {path} holds {secret.Length} bytes; it needs at least {KeyBytes}.");
    }

    private static byte[] Create(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Written aside, then moved into place: another process starting at the same time sees the whole file or none.
        var secret = RandomNumberGenerator.GetBytes(KeyBytes);
        var written = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(written, Encoding.ASCII, options))
        {
            writer.WriteLine(Convert.ToBase64String(secret));
        }

        try
        {
            File.Move(written, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(written);
            return Read(path);
        }

        return secret;
    }
}

/// <summary>The key file is missing, unreadable or not configured: Oversight does not start, and says what to do.</summary>
public sealed class KeyFileException(string message) : Exception(message);
