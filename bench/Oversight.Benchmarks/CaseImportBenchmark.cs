using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Demo;

namespace Oversight.Benchmarks;

/// <summary>
/// Target: <c>oversight import cases</c> of 1,000,000 rows with facts kept at 20,000 rows a second or more on
/// PostgreSQL. Loads the demo, writes a register of <c>--cases</c> rows over the communes of Hà Nội (three years to
/// yesterday: every status, extensions, assignments, precedents, a denunciation in ten), then runs the Release CLI's
/// <c>import cases</c> on it as the administrator and times the whole command; then the same file again (every row
/// unchanged). With <c>--check</c>, <c>oversight indicators check</c> afterwards compares the facts with a recount; with
/// <c>--keep</c>, the database and the register stay in place.
/// </summary>
internal static class CaseImportBenchmark
{
    private const string Province = "01";

    private const string Header =
        "reference,kind,unit,received_on,channel,subject,content,petitioner_name,petitioner_address,petitioner_phone,petitioner_count,reception_session,"
        + "within_jurisdiction,accepted_on,complex,remote_area,forwarded_to,forwarded_on,guidance,assignee,extended_on,extension_reason,status,closed_on,outcome,repeat_of";

    private static readonly string[] Kinds = ["petition", "petition", "petition", "petition", "petition", "petition", "complaint", "complaint", "second-complaint", "denunciation"];

    private static readonly string[] Channels = ["mail", "mail", "public-web", "app", "forwarded-in"];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var cliDll = FindCliBuild();
        await using var database = await BenchDatabase.CreateAsync(options.PostgresServer, options.Keep);
        var today = Organisation.VietnamTime.Today(TimeProvider.System);
        var file = Path.Combine(Path.GetTempPath(), "oversight-bench", $"cases-{Guid.NewGuid():N}.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            await using (var services = await database.OpenAsync())
            {
                var clock = Stopwatch.StartNew();
                await using var scope = BenchDatabase.SystemScope(services);
                var result = await scope.ServiceProvider.GetRequiredService<DemoScenario>().LoadAsync();
                if (result.Outcome != DemoOutcome.Loaded)
                {
                    Console.Error.WriteLine($"demo did not load: {result.Error?.Message}");
                    return 1;
                }

                var graph = await scope.ServiceProvider.GetRequiredService<CallerScope>().GraphAsync();
                var communes = new CaseGenerator.CommunesByMonth(graph, today.AddYears(-3), today.AddDays(-1), Province);
                await File.WriteAllTextAsync(file, Register(options.Cases, communes, graph, today), new UTF8Encoding(false));
                Console.WriteLine($"Demo loaded on {options.DatabaseName} and a register of {options.Cases:N0} cases over {communes.Count:N0} communes of {Province} written ({new FileInfo(file).Length / 1048576.0:F0} MiB) in {clock.Elapsed.TotalSeconds:F1} s");
            }

            foreach (var run in new[] { "first import", "same file again" })
            {
                var (elapsed, output) = await RunCliAsync(cliDll, database, "import", "cases", file, "--user", "admin");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run}: {elapsed.TotalSeconds:F1} s = {options.Cases / elapsed.TotalSeconds:N0} rows/s, the command's start included: {output.Trim()}"));
            }

            if (options.Check)
            {
                var (elapsed, output) = await RunCliAsync(cliDll, database, "indicators", "check");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"indicators check: {elapsed.TotalSeconds:F1} s: {output.Trim()}"));
            }

            return 0;
        }
        finally
        {
            if (options.Keep)
            {
                Console.WriteLine($"Kept the register: {file}");
            }
            else
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>A register of <paramref name="count"/> cases received over the three years to yesterday, numbered in order of receipt.</summary>
    private static string Register(int count, CaseGenerator.CommunesByMonth communes, Organisation.UnitGraph graph, DateOnly today)
    {
        var random = new Random(20261205);
        var first = today.AddYears(-3);
        var days = Enumerable.Range(0, count).Select(_ => first.AddDays(random.Next(today.DayNumber - first.DayNumber))).Order().ToArray();
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < count; i++)
        {
            var received = days[i];
            var kind = Kinds[random.Next(Kinds.Length)];
            var unit = graph.At(communes.Pick(received, random), received)!.Code;
            var reference = $"NK-{received.Year}-{i:D7}";
            var age = today.DayNumber - received.DayNumber;
            var accepted = received.AddDays(random.Next(1, 8));
            var closed = accepted.AddDays(random.Next(5, 60));
            var roll = random.NextDouble();
            string within = "", acceptedOn = "", forwardedTo = "", guidance = "", assignee = "", extendedOn = "", reason = "", status, closedOn = "", outcome = "", repeatOf = "";
            if (accepted >= today || roll < 0.05)
            {
                status = "received";
            }
            else if (roll < 0.09)
            {
                (within, status, forwardedTo, guidance, closedOn) = ("no", "forwarded", "Tòa án nhân dân cấp huyện", "Hướng dẫn công dân gửi đơn đến Tòa án", Iso(accepted));
            }
            else if (roll < 0.11)
            {
                (within, status, guidance, closedOn) = ("no", "rejected", "Đơn không đủ điều kiện thụ lý", Iso(accepted));
            }
            else
            {
                (within, acceptedOn) = ("yes", Iso(accepted));
                var extend = kind == "denunciation" && random.NextDouble() < 0.3 && accepted.AddDays(10) < today;
                if (extend)
                {
                    (extendedOn, reason) = (Iso(accepted.AddDays(10)), "Vụ việc phức tạp cần xác minh thêm");
                    closed = closed.AddDays(10);
                }

                if (closed < today && random.NextDouble() < Math.Min(0.97, age / 90.0))
                {
                    (status, closedOn, outcome) = random.NextDouble() < 0.97
                        ? ("resolved", Iso(closed), "Đã trả lời công dân bằng văn bản")
                        : ("withdrawn", Iso(closed), "Công dân rút đơn");
                }
                else
                {
                    status = "under-consideration";
                }

                assignee = status == "under-consideration" || random.NextDouble() < 0.5 ? "inspector" : "";
            }

            if (i > 0 && random.NextDouble() < 0.01)
            {
                var earlier = random.Next(i);
                repeatOf = $"NK-{days[earlier].Year}-{earlier:D7}";
            }

            var name = $"Nguyễn Văn {(char)('A' + random.Next(26))}";
            csv.Append(CultureInfo.InvariantCulture,
                $"{reference},{kind},{unit},{Iso(received)},{Channels[random.Next(Channels.Length)]},Đề nghị giải quyết vụ việc số {i},Công dân trình bày sự việc và đề nghị xem xét giải quyết theo quy định.,{name},Thôn {random.Next(1, 15)},09{random.Next(10_000_000, 99_999_999)},,,"
                + $"{within},{acceptedOn},,,{forwardedTo},,{guidance},{assignee},{extendedOn},{reason},{status},{closedOn},{outcome},{repeatOf}\n");
        }

        return csv.ToString();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Runs the Release CLI on the database; its time from start to exit and its output (the last lines).</summary>
    private static async Task<(TimeSpan Elapsed, string Output)> RunCliAsync(string cliDll, BenchDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cliDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in database.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = (await output) + (await error);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var tail = string.Join(" | ", lines.TakeLast(3));
        return process.ExitCode == 0 ? (clock.Elapsed, tail) : throw new InvalidOperationException($"oversight {string.Join(' ', args)} exited with {process.ExitCode}: {tail}");
    }

    private static string FindCliBuild()
    {
        var web = WebBenchmark.FindWebBuild();
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(web)!, "..", "..", "..", "..", ".."));
        var dll = Path.Combine(root, "src", "Oversight.Cli", "bin", "Release", "net10.0", "oversight.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException("Build the CLI first: dotnet build -c Release src/Oversight.Cli");
    }
}
