using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Rules;
using Oversight.Text;

namespace Oversight.Cli.Commands;

public static class RuleCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new(["rules", "list"], "rules list [--on YYYY-MM-DD]",
            "Prints every rule in force on the day (default today), one tab-separated line each: key, value, unit, citation, pack, "
            + "and 'unverified' when the value was not yet checked against the legal text.",
            ListAsync),
        new(["rules", "load"], "rules load FILE",
            "Loads a rule pack file (JSON; see src/Oversight.Core/Rules/README.md) into the database, where every node reads it. "
            + "All or nothing; loading the same file again changes nothing. Each error is printed as FILE: FIELD: message.",
            LoadAsync),
    ];

    private static async Task<int> ListAsync(CommandContext context)
    {
        var on = context.Invocation.DateOption("on") ?? VietnamTime.Today(context.Services.GetRequiredService<TimeProvider>());
        var rules = await context.Services.GetRequiredService<RuleBook>().GetAsync(context.Services.GetRequiredService<OversightDbContext>());
        foreach (var rule in rules.InForce(on))
        {
            var value = rule.Value;
            var number = value.Unit == RuleUnit.Names ? string.Join(',', value.Names) : value.Value.ToString(CultureInfo.InvariantCulture);
            string[] columns = [rule.Key, number, WireNames<RuleUnit>.ToWire(value.Unit), value.Citation, rule.PackId];
            await context.Output.WriteLineAsync(string.Join('\t', value.Verified ? columns : [.. columns, "unverified"]));
        }

        return 0;
    }

    private static async Task<int> LoadAsync(CommandContext context)
    {
        var path = context.Invocation.Argument(2, 0, "FILE");
        if (!File.Exists(path))
        {
            throw new CommandException($"{path}: no such file");
        }

        var result = await context.Services.GetRequiredService<RulePackLoader>().LoadAsync(path, await File.ReadAllTextAsync(path));
        if (result.Pack is not { } pack)
        {
            foreach (var error in result.Errors)
            {
                await context.Error.WriteLineAsync(error);
            }

            await context.Error.WriteLineAsync($"{path}: {result.Errors.Count} error(s); nothing was loaded.");
            return 1;
        }

        await context.Output.WriteLineAsync(result.Load switch
        {
            RulePackLoad.Unchanged => $"{path}: pack {pack.Id} unchanged; the database already holds this file.",
            RulePackLoad.Replaced => $"{path}: pack {pack.Id} replaced; {pack.Rules.Count} rule(s) from {IsoDate.Format(pack.EffectiveFrom)}.",
            _ => $"{path}: pack {pack.Id} loaded; {pack.Rules.Count} rule(s) from {IsoDate.Format(pack.EffectiveFrom)}.",
        });
        return 0;
    }
}
