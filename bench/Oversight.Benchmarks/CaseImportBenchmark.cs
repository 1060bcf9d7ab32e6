using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Demo;
using Oversight.Imports;

namespace Oversight.Benchmarks;

/// <summary>
/// Target: <c>oversight import cases</c> of 1,000,000 rows with facts kept at 20,000 rows a second or more on
/// PostgreSQL. Loads the demo, writes a register of <c>--cases</c> rows over the communes of Hà Nội (three years to
/// yesterday: every status, extensions, assignments, precedents, a denunciation in ten) as CSV or XLSX, then runs the
/// Release CLI's <c>import cases</c> on it as the administrator and times the whole command, with the most memory it
/// held; then the same file again (every row unchanged). A register of 10 rows is imported first: the memory the
/// command holds whatever the file. With <c>--web</c>, each file is given instead to the Release web host's imports
/// page, signed in as the administrator, and timed until its job's page shows the result, the host's resident memory
/// read every second meanwhile. With <c>--check</c>, <c>oversight indicators check</c> afterwards compares the facts with a recount; with
/// <c>--keep</c>, the database and the register stay in place.
/// </summary>
internal static partial class CaseImportBenchmark
{
    private const string Province = "01";

    private const string Header =
        "reference,kind,unit,received_on,channel,subject,content,petitioner_name,petitioner_address,petitioner_phone,petitioner_count,reception_session,"
        + "within_jurisdiction,accepted_on,complex,remote_area,forwarded_to,forwarded_on,guidance,assignee,extended_on,extension_reason,status,closed_on,outcome,repeat_of";

    private static readonly string[] Kinds = ["petition", "petition", "petition", "petition", "petition", "petition", "complaint", "complaint", "second-complaint", "denunciation"];

    private static readonly string[] Channels = ["mail", "mail", "public-web", "app", "forwarded-in"];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var (cliDll, webDll) = CliProcess.FindBuild(options.Build);
        var format = options.Format == "xlsx" ? TabularFormat.Xlsx : TabularFormat.Csv;
        await using var database = await BenchDatabase.CreateAsync(options.PostgresServer, options.Keep);
        var today = Organisation.VietnamTime.Today(TimeProvider.System);
        var folder = Path.Combine(Path.GetTempPath(), "oversight-bench");
        var file = Path.Combine(folder, $"cases-{Guid.NewGuid():N}.{format.Extension()}");
        var tiny = Path.Combine(folder, $"cases-tiny-{Guid.NewGuid():N}.{format.Extension()}");
        Directory.CreateDirectory(folder);
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
                Write(file, format, Register(options.Cases, "NK", communes, graph, today));
                Write(tiny, format, Register(10, "NB", communes, graph, today));
                Console.WriteLine($"Demo loaded on {options.DatabaseName} and a register of {options.Cases:N0} cases over {communes.Count:N0} communes of {Province} written as {format.Extension()} ({new FileInfo(file).Length / 1048576.0:F0} MiB) in {clock.Elapsed.TotalSeconds:F1} s");
            }

            await using var web = options.Web ? await WebImports.StartAsync(webDll, database) : null;
            foreach (var (run, path, rows) in new[] { ("10 rows (the importer's own memory)", tiny, 10), ("first import", file, options.Cases), ("same file again", file, options.Cases) })
            {
                if (web is null)
                {
                    var (_, _, elapsed, peak, output) = (await CliProcess.RunAsync(cliDll, database, null, "import", "cases", path, "--user", "admin")).Succeeded();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run}: {elapsed.TotalSeconds:F1} s = {rows / elapsed.TotalSeconds:N0} rows/s, the command's start included; at most {peak:N0} MiB resident: {output}"));
                }
                else
                {
                    var (elapsed, before, peak, output) = await web.ImportAsync(path);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run}: {elapsed.TotalSeconds:F1} s = {rows / elapsed.TotalSeconds:N0} rows/s, the upload included; the web host at {before:N0} MiB resident before, at most {peak:N0} MiB while the job ran: {output}"));
                }
            }

            if (options.Check)
            {
                var (_, _, elapsed, _, output) = (await CliProcess.RunAsync(cliDll, database, null, "indicators", "check")).Succeeded();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"indicators check: {elapsed.TotalSeconds:F1} s: {output}"));
            }

            return 0;
        }
        finally
        {
            CliProcess.DeleteInputs(tiny, file, options.Keep, "register");
        }
    }

    /// <summary>
    /// Writes the register as CSV, or as XLSX the way a spreadsheet saves it: every text in the workbook's shared strings,
    /// each cell naming its place.
    /// </summary>
    private static void Write(string path, TabularFormat format, IEnumerable<string[]> rows)
    {
        if (format == TabularFormat.Csv)
        {
            File.WriteAllLines(path, rows.Select(fields => string.Join(',', fields)), new UTF8Encoding(false));
            return;
        }

        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            var number = 0;
            foreach (var fields in rows)
            {
                number++;
                writer.WriteStartElement(new Row { RowIndex = (uint)number });
                for (var i = 0; i < fields.Length; i++)
                {
                    if (fields[i].Length == 0)
                    {
                        continue;
                    }

                    if (!strings.TryGetValue(fields[i], out var index))
                    {
                        strings[fields[i]] = index = strings.Count;
                    }

                    writer.WriteElement(new Cell { CellReference = $"{TabularReader.ColumnLetter(i)}{number}", DataType = CellValues.SharedString, CellValue = new CellValue(index) });
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        using (var writer = OpenXmlWriter.Create(workbook.AddNewPart<SharedStringTablePart>()))
        {
            writer.WriteStartElement(new SharedStringTable { Count = (uint)strings.Count, UniqueCount = (uint)strings.Count });
            foreach (var text in strings.Keys)
            {
                writer.WriteElement(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(text)));
            }

            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "cases" }));
    }

    /// <summary>
    /// A register of <paramref name="count"/> cases received over the three years to yesterday, numbered in order of receipt
    /// after <paramref name="prefix"/>, the header first.
    /// </summary>
    private static IEnumerable<string[]> Register(int count, string prefix, CaseGenerator.CommunesByMonth communes, Organisation.UnitGraph graph, DateOnly today)
    {
        yield return Header.Split(',');
        var random = new Random(20261205);
        var first = today.AddYears(-3);
        var days = Enumerable.Range(0, count).Select(_ => first.AddDays(random.Next(today.DayNumber - first.DayNumber))).Order().ToArray();
        for (var i = 0; i < count; i++)
        {
            var received = days[i];
            var kind = Kinds[random.Next(Kinds.Length)];
            var unit = graph.At(communes.Pick(received, random), received)!.Code;
            var reference = $"{prefix}-{received.Year}-{i:D7}";
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
                repeatOf = $"{prefix}-{days[earlier].Year}-{earlier:D7}";
            }

            var name = $"Nguyễn Văn {(char)('A' + random.Next(26))}";
            yield return
            [
                reference, kind, unit, Iso(received), Channels[random.Next(Channels.Length)], $"Đề nghị giải quyết vụ việc số {i}",
                "Công dân trình bày sự việc và đề nghị xem xét giải quyết theo quy định.", name, $"Thôn {random.Next(1, 15)}",
                string.Create(CultureInfo.InvariantCulture, $"09{random.Next(10_000_000, 99_999_999)}"), "", "", within, acceptedOn, "", "", forwardedTo, "", guidance,
                assignee, extendedOn, reason, status, closedOn, outcome, repeatOf,
            ];
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The Release web host on the database, signed in as the demo's administrator, given files on its imports page.</summary>
    private sealed partial class WebImports(WebBenchmark.WebHost host, HttpClient browser) : IAsyncDisposable
    {
        public static async Task<WebImports> StartAsync(string webDll, BenchDatabase database)
        {
            var host = await WebBenchmark.WebHost.StartAsync(webDll, database);
            return new WebImports(host, await WebBenchmark.SignInAsync(host.BaseAddress, "admin", DemoScenario.Accounts.Single(a => a.UserName == "admin").Password));
        }

        /// <summary>
        /// Gives <paramref name="path"/> to the cases import and waits for its job's result: the time from upload to result, the
        /// host's resident memory before and at most while the job ran (read every second), and the result's heading.
        /// </summary>
        public async Task<(TimeSpan Elapsed, long Before, long Peak, string Output)> ImportAsync(string path)
        {
            var before = host.ResidentMebibytes;
            var form = await browser.GetStringAsync("/imports");
            await using var file = File.OpenRead(path);
            using var content = new MultipartFormDataContent
            {
                { new StringContent(AntiforgeryToken().Match(form).Groups[1].Value), "__RequestVerificationToken" },
                { new StringContent("cases"), "Kind" },
                { new StreamContent(file), "Upload", Path.GetFileName(path) },
            };
            var clock = Stopwatch.StartNew();
            using var queued = await browser.PostAsync("/imports", content);
            var job = queued.Headers.Location ?? throw new InvalidOperationException($"the imports page answered {queued.StatusCode}, not a job");
            var peak = before;
            while (true)
            {
                peak = Math.Max(peak, host.ResidentMebibytes);
                if (Result().Match(await browser.GetStringAsync(job)) is { Success: true } result)
                {
                    return (clock.Elapsed, before, peak, WebUtility.HtmlDecode(result.Groups[1].Value));
                }

                await Task.Delay(1000);
            }
        }

        public async ValueTask DisposeAsync()
        {
            browser.Dispose();
            await host.DisposeAsync();
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
        private static partial Regex AntiforgeryToken();

        [GeneratedRegex("<h2 id=\"import-(?:result|errors)\">([^<]*)</h2>")]
        private static partial Regex Result();
    }
}
