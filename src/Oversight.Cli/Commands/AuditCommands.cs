using Microsoft.Extensions.DependencyInjection;
using Oversight.Audit;

namespace Oversight.Cli.Commands;

public static class AuditCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new(["audit", "verify"], "audit verify",
            "Checks the audit chain from its first entry; exits non-zero at the first changed, missing or inserted entry.",
            VerifyAsync),
    ];

    private static async Task<int> VerifyAsync(CommandContext context)
    {
        var result = await context.Services.GetRequiredService<AuditVerifier>().VerifyAsync();
        if (result.IsIntact)
        {
            await context.Output.WriteLineAsync($"Audit chain intact: {result.EntriesChecked} entries; head hash {result.HeadHash}.");
            return 0;
        }

        await context.Error.WriteLineAsync($"Audit chain broken at entry {result.BrokenAt}: {result.Problem}. {result.EntriesChecked} entries before it are intact.");
        return 1;
    }
}
