using Microsoft.Playwright;

namespace Oversight.Tests.Web.Browser;

/// <summary>Debian's Chromium driven by Playwright, headless; Playwright downloads no browser of its own.</summary>
public static class ChromiumBrowser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Starts Chromium; fails the test with the remedy when it is not installed.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(ExecutablePath), $"Chromium is missing at {ExecutablePath}: scripts/test.sh installs it (apt-get install -y chromium).");
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
            ],
        });
    }
}
