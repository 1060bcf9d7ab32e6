using Microsoft.Extensions.DependencyInjection;
using Oversight.Organisation.ReferenceImport;

namespace Oversight.Cli.Commands;

public static class OrganisationCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new(["units", "import-reference"], "units import-reference",
            "Loads Vietnam's administrative units (2024-11, 2025-03 and the 1 Jul 2025 reorganisation) with their lineage into one dated tree; prints counts and findings. Safe to repeat: a second run changes nothing.",
            ImportReferenceAsync),
    ];

    private static async Task<int> ImportReferenceAsync(CommandContext context)
    {
        var report = await context.Services.GetRequiredService<ReferenceImporter>().ImportAsync();
        if (!report.Succeeded)
        {
            foreach (var error in report.Errors)
            {
                await context.Error.WriteLineAsync(error.ToString());
            }

            throw new CommandException($"{report.Errors.Count} errors in the reference data; nothing was written.");
        }

        var output = context.Output;
        await output.WriteLineAsync(report.ChangedNothing ? "Reference units already up to date; nothing written." : "Reference units imported.");
        await output.WriteLineAsync($"{"",-16}{"planned",9}{"created",9}{"updated",9}{"unchanged",11}{"removed",9}");
        foreach (var (name, counts) in new[] { ("units", report.Units), ("versions", report.Versions), ("lineage events", report.LineageEvents), ("lineage links", report.LineageLinks) })
        {
            await output.WriteLineAsync($"{name,-16}{counts.Planned,9}{counts.Created,9}{counts.Updated,9}{counts.Unchanged,11}{counts.Removed,9}");
        }

        var uncertain = report.Findings.Count(f => f.Kind == ReferenceFindingKind.Uncertain);
        await output.WriteLineAsync($"\nFindings: {report.Findings.Count} ({uncertain} with uncertain links to settle, {report.Findings.Count - uncertain} quirks of the data).");
        foreach (var finding in report.Findings.OrderBy(f => f.Kind))
        {
            await output.WriteLineAsync($"  [{(finding.Kind == ReferenceFindingKind.Uncertain ? "uncertain" : "quirk")}] {finding.Message}");
        }

        return 0;
    }
}
