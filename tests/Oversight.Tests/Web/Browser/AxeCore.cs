namespace Oversight.Tests.Web.Browser;

/// <summary>
/// The accessibility checker axe-core (Deque, MPL-2.0), injected into pages as its <c>axe.min.js</c>. scripts/test.sh
/// installs the pinned version with npm and names the file in <see cref="Setting"/>; nothing of it is committed.
/// </summary>
public static class AxeCore
{
    /// <summary>The environment variable that names <c>axe.min.js</c>.</summary>
    public const string Setting = "OVERSIGHT_AXE_CORE";

    /// <summary>The version scripts/test.sh installs; keep the two in step.</summary>
    public const string Version = "4.14.1";

    private static readonly Lazy<string> path = new(() => Environment.GetEnvironmentVariable(Setting) is { Length: > 0 } named ? named : DefaultPath());

    /// <summary>The script, or null when it is not installed.</summary>
    public static string? TryRead() => File.Exists(path.Value) ? File.ReadAllText(path.Value) : null;

    /// <summary>Fails the test with the remedy when the script is not installed.</summary>
    public static void AssertInstalled() => Assert.True(File.Exists(path.Value),
        $"axe-core is missing at {path.Value}: scripts/test.sh installs it (npm install --prefix artifacts/node axe-core@{Version}) and sets {Setting} to its axe.min.js.");

    /// <summary>Where scripts/test.sh installs it: <c>artifacts/node</c> at the root of the repository.</summary>
    private static string DefaultPath()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Oversight.slnx")))
        {
            root = root.Parent;
        }

        return Path.Combine(root?.FullName ?? ".", "artifacts", "node", "node_modules", "axe-core", "axe.min.js");
    }
}
