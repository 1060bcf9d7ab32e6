using Microsoft.Extensions.DependencyInjection;
using Oversight.Audit;

namespace Oversight.Cli.Commands;

public static class AuditCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new(["audit", "verify"], "audit verify [--checkpoint FILE]",
            "Seals the audit entries committed since the last seal into the chain, then checks the chain from its first entry; exits "
            + "non-zero at the first changed, missing or inserted entry. With --checkpoint, also compares the chain with every "
            + "checkpoint in FILE: it fails when the chain ends before a checkpoint's entry or has another hash there. Says how "
            + "many entries are not sealed yet (written by transactions still running).",
            VerifyAsync),
        new(["audit", "checkpoint"], "audit checkpoint [--out FILE]",
            "Seals the committed entries, then writes the chain's head (sequence, hash, time) as one line, to standard output or "
            + "appended to FILE. Keep it outside Oversight; 'audit verify --checkpoint FILE' compares the chain with it later.",
            CheckpointAsync),
    ];

    private static async Task<int> VerifyAsync(CommandContext context)
    {
        IReadOnlyList<AuditCheckpoint> checkpoints = [];
        if (context.Invocation.Option("checkpoint") is { } file)
        {
            var (parsed, problem) = AuditCheckpoint.ParseAll(file, await ReadAsync(file));
            checkpoints = problem is null ? parsed : throw new CommandException(problem);
        }

        await context.Services.GetRequiredService<AuditSealer>().SealAllAsync();
        var result = await context.Services.GetRequiredService<AuditVerifier>().VerifyAsync();
        if (!result.IsIntact)
        {
            await context.Error.WriteLineAsync($"Audit chain broken at entry {result.BrokenAt}: {result.Problem}. {result.EntriesChecked} entries before it are intact.");
            return 1;
        }

        var mismatches = await context.Services.GetRequiredService<AuditCheckpoints>().CompareAsync(checkpoints);
        foreach (var mismatch in mismatches)
        {
            await context.Error.WriteLineAsync($"Audit chain differs from its checkpoint: {mismatch}.");
        }

        if (mismatches.Count > 0)
        {
            return 1;
        }

        await context.Output.WriteLineAsync($"Audit chain intact: {result.EntriesChecked} entries; head hash {result.HeadHash}."
            + (checkpoints.Count > 0 ? $" It matches {checkpoints.Count} checkpoint(s)." : "")
            + (result.Unsealed > 0 ? $" {result.Unsealed} entries are not sealed yet." : ""));
        return 0;
    }

    private static async Task<int> CheckpointAsync(CommandContext context)
    {
        await context.Services.GetRequiredService<AuditSealer>().SealAllAsync();
        var checkpoint = await context.Services.GetRequiredService<AuditCheckpoints>().TakeAsync()
            ?? throw new CommandException("the audit chain has no entry yet; there is nothing to check point");
        if (context.Invocation.Option("out") is { } file)
        {
            await File.AppendAllTextAsync(file, checkpoint + "\n");
            await context.Output.WriteLineAsync($"Checkpoint of entry {checkpoint.Sequence} appended to {file}.");
        }
        else
        {
            await context.Output.WriteLineAsync(checkpoint.ToString());
        }

        return 0;
    }

    private static async Task<string> ReadAsync(string file)
    {
        try
        {
            return await File.ReadAllTextAsync(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"cannot read the checkpoint file {file}: {e.Message}");
        }
    }
}
