using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Demo;

namespace Oversight.Cli.Commands;

public static class DemoCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new(["demo", "load"], "demo load",
            "Loads the demo scenario: the reference structure of all of Vietnam, then Huyện Chương Mỹ's bodies, Party members, leaders and one account per role. Does nothing when the demo is already present.",
            LoadAsync),
    ];

    private static async Task<int> LoadAsync(CommandContext context)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await context.Services.GetRequiredService<DemoScenario>().LoadAsync();
        switch (result.Outcome)
        {
            case DemoOutcome.Failed:
                throw new CommandException(result.Error!.Message);
            case DemoOutcome.AlreadyPresent:
                await context.Output.WriteLineAsync("The demo scenario is already present; nothing was changed.");
                break;
            default:
                var counts = result.Counts!;
                await context.Output.WriteLineAsync($"Loaded the demo scenario in {stopwatch.Elapsed.TotalSeconds:0.0} s:");
                if (result.Reference is { } reference)
                {
                    await context.Output.WriteLineAsync($"  reference structure: {reference.Units.Created} units, {reference.Versions.Created} versions, {reference.LineageEvents.Created} lineage events added");
                }

                await context.Output.WriteLineAsync($"  {counts.Bodies} bodies ({counts.PartyBranches} Party branches), {counts.LineageEvents} lineage events");
                await context.Output.WriteLineAsync($"  {counts.PartyMembers} Party members, {counts.Positions} posts ({counts.LeadershipPositions} leading)");
                await context.Output.WriteLineAsync($"  {counts.Citizens.ReceptionSessions} reception sessions, {counts.Citizens.Cases} citizens' cases, {counts.Citizens.DialogueMeetings} dialogue meetings");
                var accountability = counts.Accountability;
                await context.Output.WriteLineAsync($"  {accountability.Directives} directives, {accountability.DisseminationEvents} dissemination event, {accountability.Inspections} inspections with {accountability.FollowUpTasks} follow-up tasks, {accountability.DisciplineDecisions} discipline decisions, {accountability.PersonnelMoves} personnel moves");
                await context.Output.WriteLineAsync($"  {counts.PublicServices.Dossiers} administrative procedure dossiers, {counts.PublicServices.AppInstallations} staff app installations");
                await context.Output.WriteLineAsync($"  {counts.Claims} figures of the district's report, as claims to reconcile");
                await context.Output.WriteLineAsync($"  {counts.Scores.IndexYears} years of administrative reform indices ({counts.Scores.Components} components), {counts.Scores.Scores} illustrative scores of Hà Nội's districts");
                break;
        }

        await context.Output.WriteLineAsync("Demo accounts:");
        foreach (var line in DemoScenario.DescribeAccounts())
        {
            await context.Output.WriteLineAsync(line);
        }

        return 0;
    }
}
