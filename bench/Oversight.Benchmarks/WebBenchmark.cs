using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Demo;

namespace Oversight.Benchmarks;

/// <summary>
/// Targets: with the whole country and the demo's 11,300 people loaded, the unit page and the children API answer
/// with p95 under 50 ms, and the web host starts to its first 200 on /health in under 3 s. Runs the web host as
/// its own process (the Release build of src/Oversight.Web), as an operator would, on loopback.
/// </summary>
internal static partial class WebBenchmark
{
    private static readonly string[] Pages =
    [
        "/units/277?asOf=2024-07-19",
        "/units/10060?asOf=2024-07-19",
        "/units/10072",
        "/units/01?asOf=2024-07-19",
    ];

    private static readonly string[] ApiCalls =
    [
        "/api/v1/units/277/children?asOf=2024-07-19",
        "/api/v1/units/01/children",
        "/api/v1/units/10060/lineage?asOf=2024-07-19",
    ];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var webDll = FindWebBuild();
        await using var database = await BenchDatabase.CreateAsync(options.PostgresServer);
        string adminToken;
        await using (var services = await database.OpenAsync())
        {
            var clock = Stopwatch.StartNew();
            await using (var scope = BenchDatabase.SystemScope(services))
            {
                var result = await scope.ServiceProvider.GetRequiredService<DemoScenario>().LoadAsync();
                if (result.Outcome != DemoOutcome.Loaded)
                {
                    Console.Error.WriteLine($"demo did not load: {result.Error?.Message}");
                    return 1;
                }

                Console.WriteLine($"Demo loaded on {options.DatabaseName} in {clock.Elapsed.TotalSeconds:F1} s: {result.Counts}");
            }

            await using (var scope = BenchDatabase.SystemScope(services))
            {
                var (token, error) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync("admin", "benchmark");
                adminToken = token ?? throw new InvalidOperationException(error?.Message);
            }
        }

        var starts = new List<double>();
        for (var run = 0; run < options.Runs; run++)
        {
            await using var host = await WebHost.StartAsync(webDll, database);
            starts.Add(host.StartMilliseconds);
        }

        Console.WriteLine($"Start to first 200 on /health: {Percentiles.Describe(starts)}");

        await using var server = await WebHost.StartAsync(webDll, database);
        using var browser = await SignInAsync(server.BaseAddress, "admin", DemoScenario.Accounts.Single(a => a.UserName == "admin").Password);
        using var api = new HttpClient { BaseAddress = server.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        foreach (var path in Pages)
        {
            Console.WriteLine($"page {path}: {Percentiles.Describe(await TimeAsync(browser, path, options.Requests))}");
        }

        foreach (var path in ApiCalls)
        {
            Console.WriteLine($"api  {path}: {Percentiles.Describe(await TimeAsync(api, path, options.Requests))}");
        }

        return 0;
    }

    /// <summary>Untimed requests before each timed series.</summary>
    internal const int WarmUpRequests = 20;

    /// <summary>Times <paramref name="requests"/> GETs of <paramref name="path"/> after the warm-up, each after <paramref name="beforeEach"/> (untimed) when given.</summary>
    internal static async Task<List<double>> TimeAsync(HttpClient client, string path, int requests, Func<Task>? beforeEach = null)
    {
        for (var i = 0; i < WarmUpRequests; i++)
        {
            if (beforeEach is not null)
            {
                await beforeEach();
            }

            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            if (beforeEach is not null)
            {
                await beforeEach();
            }

            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    internal static async Task<HttpClient> SignInAsync(Uri baseAddress, string userName, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in failed: {response.StatusCode}");
        }

        return client;
    }

    internal static string FindWebBuild()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Oversight.slnx")))
        {
            directory = directory.Parent;
        }

        var dll = directory is null ? null : Path.Combine(directory.FullName, "src", "Oversight.Web", "bin", "Release", "net10.0", "Oversight.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException("Build the web host first: dotnet build -c Release src/Oversight.Web");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>The web host as a child process on a free loopback port.</summary>
    internal sealed class WebHost : IAsyncDisposable
    {
        private readonly Process process;

        private WebHost(Process process, Uri baseAddress, double startMilliseconds)
        {
            this.process = process;
            BaseAddress = baseAddress;
            StartMilliseconds = startMilliseconds;
        }

        public Uri BaseAddress { get; }

        public double StartMilliseconds { get; }

        /// <summary>The web host's resident memory, in MiB.</summary>
        public long ResidentMebibytes
        {
            get
            {
                process.Refresh();
                return process.WorkingSet64 / (1024 * 1024);
            }
        }

        /// <summary>Processor time the web host has used so far (all its threads, user and system).</summary>
        public TimeSpan ProcessorTime
        {
            get
            {
                process.Refresh();
                return process.TotalProcessorTime;
            }
        }

        public static async Task<WebHost> StartAsync(string webDll, BenchDatabase database)
        {
            var port = FreePort();
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(webDll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { webDll, "--urls", baseAddress.ToString() }.Concat(database.SettingsArgs))
            {
                start.ArgumentList.Add(arg);
            }

            using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
            var clock = Stopwatch.StartNew();
            var process = Process.Start(start)!;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            while (clock.Elapsed < TimeSpan.FromSeconds(180))
            {
                try
                {
                    if ((await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                    {
                        return new WebHost(process, baseAddress, clock.Elapsed.TotalMilliseconds);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or too slow to answer while it starts.
                }

                await Task.Delay(10);
            }

            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the web host did not answer /health within 180 s");
        }

        public async ValueTask DisposeAsync()
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
