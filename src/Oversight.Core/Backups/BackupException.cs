namespace Oversight.Backups;

/// <summary>Why a backup or a restore cannot go on; <see cref="DatabaseBackup"/> returns its message as the result's error.</summary>
internal sealed class BackupException(string message) : Exception(message);
