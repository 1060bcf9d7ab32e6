using Microsoft.Extensions.DependencyInjection;
using Oversight.Audit;

namespace Oversight.Cli.Commands;

public static class AuditCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new(["audit", "verify"], "audit verify",
            "Seals the audit entries committed since the last seal into the chain, then checks the chain from its first entry; exits "
            + "non-zero at the first changed, missing or inserted entry. Says how many entries are not sealed yet (written by "
            + "transactions still running).",
            VerifyAsync),
    ];

    private static async Task<int> VerifyAsync(CommandContext context)
    {
        await context.Services.GetRequiredService<AuditSealer>().SealAllAsync();
        var result = await context.Services.GetRequiredService<AuditVerifier>().VerifyAsync();
        if (result.IsIntact)
        {
            await context.Output.WriteLineAsync($"Audit chain intact: {result.EntriesChecked} entries; head hash {result.HeadHash}."
                + (result.Unsealed > 0 ? $" {result.Unsealed} entries are not sealed yet." : ""));
            return 0;
        }

        await context.Error.WriteLineAsync($"Audit chain broken at entry {result.BrokenAt}: {result.Problem}. {result.EntriesChecked} entries before it are intact.");
        return 1;
    }
}
