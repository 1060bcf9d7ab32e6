using System.Globalization;

namespace Oversight.Benchmarks;

/// <summary>
/// <c>import|web|calendar|cases-register|cases-create|cases-import|directive-chain|registers|indicators|report|dossiers [--postgres "Host=…;Port=…;Username=…"] [--runs N] [--requests N]
/// [--cases N] [--concurrency N,N…] [--seconds N] [--records N] [--keep] [--check] [--format csv|xlsx] [--web] [--build DIR] [--dossiers N] [--kill]</c>: without <c>--postgres</c> the benchmark runs on a fresh SQLite file;
/// <c>--keep</c> leaves the database in place afterwards (its connection string is printed) to look at its query plans;
/// <c>--check</c> (indicators, cases-import) counts the last year's figures again from the records and compares them with the facts;
/// <c>--format</c> (cases-import) writes the register as CSV (the default) or XLSX; <c>--web</c> (cases-import) gives it to the web
/// host's imports page instead of the CLI; <c>--build</c> (cases-import) runs the Release CLI or web host of another source tree
/// (another commit, built there) instead of this one's, to compare builds on the same file; <c>--dossiers</c> (dossiers) the rows of
/// the province-year imported; <c>--kill</c> (dossiers) kills an import halfway instead of timing one.
/// </summary>
internal sealed record BenchOptions(
    string? Benchmark, string? PostgresServer, int Runs, int Requests, int Cases, IReadOnlyList<int> Concurrency, int Seconds, int Records, bool Keep, bool Check,
    string Format, bool Web, string? Build, int? Dossiers, bool Kill)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var concurrency = (Value("--concurrency") ?? "1,4,16,64").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        return new BenchOptions(args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)), Value("--postgres"), Number("--runs", 3), Number("--requests", 300),
            Number("--cases", 1_000_000), concurrency, Number("--seconds", 30), Number("--records", 100_000), args.Contains("--keep"),
            args.Contains("--check"), Value("--format") ?? "csv", args.Contains("--web"), Value("--build"),
            Value("--dossiers") is { } dossiers ? int.Parse(dossiers, CultureInfo.InvariantCulture) : null, args.Contains("--kill"));
    }

    public string DatabaseName => PostgresServer is null ? "SQLite" : "PostgreSQL";

    public static int Usage()
    {
        Console.Error.WriteLine("usage: Oversight.Benchmarks import|web|calendar|cases-register|cases-create|cases-import|directive-chain|registers|indicators|report|dossiers [--postgres CONNECTION] [--runs N] [--requests N] [--cases N] [--concurrency N,N…] [--seconds N] [--records N] [--keep] [--check] [--format csv|xlsx] [--web] [--build DIR] [--dossiers N] [--kill]");
        return 2;
    }
}

/// <summary>Percentiles of a sample of durations, in milliseconds.</summary>
internal static class Percentiles
{
    public static string Describe(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return "n=0";
        }

        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"n={sorted.Length} p50={At(0.50):F1} ms p95={At(0.95):F1} ms max={sorted[^1]:F1} ms");
    }
}

/// <summary>The machine the benchmark runs on, shared with other work: its load to print beside the figures.</summary>
internal static class Machine
{
    /// <summary>The load averages over 1, 5 and 15 minutes, as <c>uptime</c> prints them.</summary>
    public static string LoadAverage => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
