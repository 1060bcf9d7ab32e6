namespace Oversight.Web.Hosting;

/// <summary>Loads the demo scenario at start-up when the database holds no units yet.</summary>
public static class DemoStartup
{
    public static Task LoadIfEmptyAsync(IServiceProvider services, TextWriter output)
    {
        // Filled in by the demo scenario (Oversight.Demo.DemoScenario).
        output.WriteLine("Demo scenario: not yet available.");
        return Task.CompletedTask;
    }
}
