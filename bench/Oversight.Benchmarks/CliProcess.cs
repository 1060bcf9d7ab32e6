using System.Diagnostics;
using System.Globalization;

namespace Oversight.Benchmarks;

/// <summary>The Release CLI (<c>oversight</c>) run as its own process on a benchmark's database, as an operator runs it.</summary>
internal static class CliProcess
{
    /// <summary>Deletes the small file and the measured one a command was run on, or with <paramref name="keep"/> keeps the measured one and says where.</summary>
    public static void DeleteInputs(string tiny, string file, bool keep, string what)
    {
        File.Delete(tiny);
        if (keep)
        {
            Console.WriteLine($"Kept the {what}: {file}");
        }
        else
        {
            File.Delete(file);
        }
    }

    /// <summary>A finished command: its exit code, its time from start to exit, the most memory it held resident and its last lines of output.</summary>
    public sealed record Run(string Command, int ExitCode, TimeSpan Elapsed, long PeakMiB, string Output)
    {
        /// <summary>This run, when the command exited with 0; otherwise an exception naming the command and its output.</summary>
        public Run Succeeded() => ExitCode == 0 ? this : throw new InvalidOperationException($"oversight {Command} exited with {ExitCode}: {Output}");
    }

    /// <summary>
    /// Runs the CLI with <paramref name="args"/> on the database (its settings in the environment, with
    /// <paramref name="environment"/> besides), reading the kernel's high-water mark of its resident memory every 50 ms
    /// until it exits.
    /// </summary>
    public static async Task<Run> RunAsync(string cliDll, BenchDatabase database, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = StartInfo("dotnet", [cliDll, .. args], database, environment);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        var peakKiB = 0L;
        while (!exited.IsCompleted)
        {
            peakKiB = Math.Max(peakKiB, HighWaterMarkKiB(process.Id));
            await Task.WhenAny(exited, Task.Delay(50));
        }

        var elapsed = clock.Elapsed;
        var lines = ((await output) + (await error)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new Run(string.Join(' ', args), process.ExitCode, elapsed, peakKiB / 1024, string.Join(" | ", lines.TakeLast(3).Select(l => l.Trim())));
    }

    /// <summary>
    /// How to start <paramref name="file"/> with <paramref name="args"/> on the database: its settings as environment variables
    /// (<c>Database__Provider</c> …), with <paramref name="environment"/> besides.
    /// </summary>
    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, BenchDatabase database, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(file);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in database.Settings.Concat(environment ?? new Dictionary<string, string>()))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    /// <summary>The process's peak resident memory so far (<c>VmHWM</c>) in KiB; 0 once it has gone.</summary>
    public static long HighWaterMarkKiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The Release CLI and web host of this source tree, or of the tree at <paramref name="root"/>.</summary>
    public static (string Cli, string Web) FindBuild(string? root = null)
    {
        root ??= Path.GetFullPath(Path.Combine(Path.GetDirectoryName(WebBenchmark.FindWebBuild())!, "..", "..", "..", "..", ".."));
        var cli = Path.Combine(root, "src", "Oversight.Cli", "bin", "Release", "net10.0", "oversight.dll");
        var web = Path.Combine(root, "src", "Oversight.Web", "bin", "Release", "net10.0", "Oversight.Web.dll");
        return File.Exists(cli) && File.Exists(web) ? (cli, web) : throw new InvalidOperationException($"Build the CLI and the web host in {root} first: dotnet build -c Release Oversight.slnx");
    }
}
