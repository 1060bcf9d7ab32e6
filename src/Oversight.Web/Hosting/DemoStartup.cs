using System.Diagnostics;
using Oversight.Accounts;
using Oversight.Demo;

namespace Oversight.Web.Hosting;

/// <summary>Loads the demo scenario at start-up when the database holds no units yet, and prints how to sign in.</summary>
public static class DemoStartup
{
    public static async Task LoadIfEmptyAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Caller>().SetSystem("system:demo");
        var demo = scope.ServiceProvider.GetRequiredService<DemoScenario>();
        switch (await demo.StateAsync())
        {
            case DemoDatabaseState.OtherData:
                await output.WriteLineAsync("Demo scenario: not loaded, the database already holds units of its own. Load it into an empty database, or with 'oversight demo load'.");
                return;
            case DemoDatabaseState.DemoPresent:
                await output.WriteLineAsync("Demo scenario: already loaded.");
                break;
            default:
                await output.WriteLineAsync("Demo scenario: loading the reference structure of Vietnam and Huyện Chương Mỹ…");
                var stopwatch = Stopwatch.StartNew();
                var result = await demo.LoadAsync();
                if (result.Outcome == DemoOutcome.Failed)
                {
                    await output.WriteLineAsync($"Demo scenario: not loaded: {result.Error!.Message}");
                    return;
                }

                await output.WriteLineAsync(result.Counts is { } counts
                    ? $"Demo scenario: loaded in {stopwatch.Elapsed.TotalSeconds:0.0} s ({counts.PartyMembers} Party members in {counts.PartyBranches} Party branches)."
                    : "Demo scenario: already loaded.");
                break;
        }

        var url = scope.ServiceProvider.GetService<IConfiguration>()?["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        await output.WriteLineAsync($"Sign in at {url ?? "the address below"} with one of the demo accounts:");
        foreach (var line in DemoScenario.DescribeAccounts())
        {
            await output.WriteLineAsync(line);
        }
    }
}
