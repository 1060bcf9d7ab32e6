using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Demo;
using Oversight.Organisation;

namespace Oversight.Benchmarks;

/// <summary>
/// Target: the case register page answers with p95 under 100 ms with 1,000,000 cases, on SQLite and on PostgreSQL.
/// Loads the demo (the whole country and its accounts), generates the cases (<see cref="CaseGenerator"/>), starts the
/// Release web host as its own process on loopback, and times sequential requests of the register page (signed in)
/// and of the register API (with a token) as an administrator and as the demo's district officer would make them.
/// </summary>
internal static class CaseRegisterBenchmark
{
    /// <summary>
    /// A request of the register: who makes it and its query (the page numbers pages with <c>p</c>, the API with
    /// <c>page</c>); <c>FewerRequests</c> caps the repetitions of a request known to read every case.
    /// </summary>
    private sealed record RegisterRequest(string Label, string UserName, string Query, int PageNumber = 1, int? FewerRequests = null)
    {
        public string PagePath => Path("/cases", "p");

        public string ApiPath => Path("/api/v1/cases", "page");

        private string Path(string path, string pageParameter)
        {
            var parts = new[] { Query, PageNumber > 1 ? $"{pageParameter}={PageNumber}" : "" }.Where(p => p.Length > 0).ToArray();
            return parts.Length == 0 ? path : $"{path}?{string.Join('&', parts)}";
        }
    }

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var webDll = WebBenchmark.FindWebBuild();
        await using var database = await BenchDatabase.CreateAsync(options.PostgresServer);
        var today = VietnamTime.Today(TimeProvider.System);
        var tokens = new Dictionary<string, string>();
        string communeCode;
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

                Console.WriteLine($"Demo loaded on {options.DatabaseName} in {clock.Elapsed.TotalSeconds:F1} s");
                foreach (var userName in new[] { "admin", "officer" })
                {
                    var (token, error) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync(userName, "benchmark");
                    tokens[userName] = token ?? throw new InvalidOperationException(error?.Message);
                }

                // A commune of today's structure that was part of the demo district (Quảng Bị, 10072).
                var graph = await scope.ServiceProvider.GetRequiredService<CallerScope>().GraphAsync();
                communeCode = graph.Find("10072", today)?.Code ?? throw new InvalidOperationException("commune 10072 is not in today's structure");
            }

            var generated = await CaseGenerator.GenerateAsync(services, options.Cases, today);
            Console.WriteLine($"Generated {generated.Cases:N0} cases over {generated.Communes:N0} communes (3 years to {today:yyyy-MM-dd}) in {generated.Elapsed.TotalSeconds:F1} s: "
                + $"{generated.Open:N0} open, {generated.Overdue:N0} overdue, {generated.Assigned:N0} assigned");
            await CaseGenerator.IndexSearchTextAsync(services, database);
        }

        RegisterRequest[] requests =
        [
            new("administrator, whole country, first page", "admin", ""),
            new("district officer, own scope, first page", "officer", ""),
            new("administrator, open and overdue", "admin", "status=open&overdue=true"),
            new("administrator, a name (search word)", "admin", "q=th%E1%BA%AFng"),
            new("administrator, a reference (rare search word)", "admin", $"q={today.Year - 1}-B00012345", FewerRequests: 20),
            new("administrator, a commune", "admin", $"unit={communeCode}"),
            new("district officer, open and overdue", "officer", "status=open&overdue=true"),
            new("administrator, whole country, page 50", "admin", "", 50),
        ];

        await using var server = await WebBenchmark.WebHost.StartAsync(webDll, database);
        var browsers = new Dictionary<string, HttpClient>();
        var apis = new Dictionary<string, HttpClient>();
        foreach (var userName in tokens.Keys)
        {
            browsers[userName] = await WebBenchmark.SignInAsync(server.BaseAddress, userName, DemoScenario.Accounts.Single(a => a.UserName == userName).Password);
            apis[userName] = new HttpClient { BaseAddress = server.BaseAddress };
            apis[userName].DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[userName]);
        }

        var pageExists = (await browsers["admin"].GetAsync("/cases")).StatusCode == HttpStatusCode.OK;
        Console.WriteLine(pageExists ? "The register page /cases exists: timing the page and the API." : "No register page at /cases yet: timing the API only.");
        async Task TimeAsync(string kind, RegisterRequest request, HttpClient client, string path)
        {
            var processorTime = server.ProcessorTime;
            var times = await WebBenchmark.TimeAsync(client, path, Math.Min(options.Requests, request.FewerRequests ?? int.MaxValue));
            var cpu = (server.ProcessorTime - processorTime).TotalMilliseconds / (times.Count + WebBenchmark.WarmUpRequests);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind} {request.Label,-48} {Percentiles.Describe(times)} web host CPU {cpu:F1} ms  {path}"));
        }

        foreach (var request in requests)
        {
            if (pageExists)
            {
                await TimeAsync("page", request, browsers[request.UserName], request.PagePath);
            }

            await TimeAsync("api ", request, apis[request.UserName], request.ApiPath);
        }

        foreach (var client in browsers.Values.Concat(apis.Values))
        {
            client.Dispose();
        }

        return 0;
    }
}
