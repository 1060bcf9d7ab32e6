using System.Diagnostics;
using System.Runtime.InteropServices;
using Xunit.Sdk;

namespace Oversight.Tests.Hosting;

/// <summary>What a finished child process left behind.</summary>
public sealed record AppResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>
/// Runs one of the built apps (the <c>oversight</c> CLI, the web host) as a child process, the way a person or a
/// script runs it: its own arguments, standard input, environment and working directory, and its real exit code.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string Cli = "oversight.dll";
    public const string Web = "Oversight.Web.dll";

    /// <summary>Variables that choose the database; removed from the child's environment so that only what a test passes counts.</summary>
    private static readonly string[] DatabaseVariables = ["Database__Provider", "ConnectionStrings__Oversight", "Keys__File"];

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private readonly Process process;
    private readonly Task<string> error;

    private AppProcess(Process process)
    {
        this.process = process;
        error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The .NET host that runs the apps: the one running the tests.</summary>
    private static string Dotnet { get; } = FindDotnet();

    /// <summary>Runs an app to its end and returns its exit code and output.</summary>
    public static async Task<AppResult> RunAsync(string app, IEnumerable<string> args, string? input = null, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var temporary = workingDirectory is null ? CreateWorkingDirectory() : null;
        try
        {
            await using var child = Start(app, args, environment, workingDirectory ?? temporary!);
            if (input is not null)
            {
                await child.process.StandardInput.WriteAsync(input);
            }

            child.process.StandardInput.Close();
            var output = child.process.StandardOutput.ReadToEndAsync();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(RunTimeout);
            try
            {
                await child.process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw FailException.ForFailure($"{app} {string.Join(' ', args)} did not finish within {RunTimeout}.");
            }

            return new AppResult(child.process.ExitCode, await output, await child.error);
        }
        finally
        {
            if (temporary is not null)
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    /// <summary>Starts the web host and returns once it listens; disposing it stops the host.</summary>
    /// <returns>The running host and the address from its "Now listening on" line.</returns>
    public static async Task<(AppProcess Host, Uri Address)> StartWebAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, string workingDirectory, TimeSpan timeout)
    {
        var host = Start(Web, args, environment, workingDirectory);
        var seen = new List<string>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (await host.process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                seen.Add(line);
                var at = line.IndexOf("Now listening on: ", StringComparison.Ordinal);
                if (at >= 0)
                {
                    var address = new Uri(line[(at + "Now listening on: ".Length)..].Trim());
                    // Keep reading so that the host never blocks on a full pipe.
                    _ = host.process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    return (host, address);
                }
            }

            await host.DisposeAsync();
            throw FailException.ForFailure($"The web host ended before it listened.\n{string.Join('\n', seen)}\n{await host.error}");
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            await host.DisposeAsync();
            throw FailException.ForFailure($"The web host did not listen within {timeout}.\n{string.Join('\n', seen)}");
        }
    }

    /// <summary>A new, empty directory under the system's temporary directory.</summary>
    public static string CreateWorkingDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "oversight-tests", $"run-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return directory;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(CancellationToken.None);
        process.Dispose();
    }

    private static AppProcess Start(string app, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, string workingDirectory)
    {
        var start = new ProcessStartInfo(Dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, app));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var variable in DatabaseVariables)
        {
            start.Environment.Remove(variable);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new AppProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {app}"));
    }

    private static string FindDotnet()
    {
        // The runtime lives in DOTNET_ROOT/shared/Microsoft.NETCore.App/VERSION/.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
