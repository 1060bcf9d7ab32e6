using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Oversight.Tests.Hosting;

/// <summary>
/// Two stateless Release nodes on one PostgreSQL behind nginx, as <c>deploy/cluster.sh</c> starts them: what one node
/// writes, the other shows in its next figures; a node killed under load loses no acknowledged write, and the proxy
/// sends reads to the survivor.
/// </summary>
public sealed class ClusterTests
{
    private static readonly string Root = FindRoot();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_write_through_one_node_shows_on_the_other_and_a_node_killed_under_load_loses_no_acknowledged_write()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OVERSIGHT_TEST_POSTGRES")))
        {
            Assert.Skip("The cluster runs where the PostgreSQL tests do (scripts/test.sh).");
        }

        var directory = Path.Combine(Path.GetTempPath(), "oversight-tests", $"cluster-{Guid.NewGuid():N}");
        try
        {
            var up = await ScriptAsync("up", directory);
            Assert.True(up.ExitCode == 0, up.ToString());
            var lines = up.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(4, lines.Length);
            var (proxy, first, second, connection) = (new Uri(lines[0]), new Uri(lines[1]), new Uri(lines[2]), lines[3]);
            Assert.All(new[] { proxy, first, second }, uri => Assert.Equal(IPAddress.Loopback.ToString(), uri.Host));

            var cli = new Dictionary<string, string>
            {
                ["Database__Provider"] = "PostgreSQL",
                ["ConnectionStrings__Oversight"] = connection,
                ["Keys__File"] = Path.Combine(directory, "keys", "oversight.key"),
            };
            var token = await AppProcess.RunAsync(AppProcess.Cli, ["tokens", "create", "--user", "admin"], environment: cli);
            Assert.True(token.ExitCode == 0, token.ToString());
            var bearer = token.Output.Split((char[])[' ', '\n', '\t'], StringSplitOptions.TrimEntries).First(w => w.StartsWith("ovs_", StringComparison.Ordinal));

            // Written through the first node, counted by the second on its next request.
            using var firstNode = Client(first, bearer);
            using var secondNode = Client(second, bearer);
            var before = await CasesAsync(secondNode);
            Assert.Equal(HttpStatusCode.Created, (await PostCaseAsync(firstNode, 0)).StatusCode);
            Assert.Equal(before + 1, await CasesAsync(secondNode));

            // Mixed load through the proxy; the second node is killed a second in.
            using var throughProxy = Client(proxy, bearer);
            var acknowledged = new List<Guid>();
            var readsAfterKill = 0;
            var failedReadsAfterKill = 0;
            var clock = Stopwatch.StartNew();
            var killedAt = long.MaxValue;
            var writers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; clock.Elapsed < TimeSpan.FromSeconds(5); i++)
                {
                    try
                    {
                        using var response = await PostCaseAsync(throughProxy, i);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
                            lock (acknowledged)
                            {
                                acknowledged.Add(id);
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // A write cut off with its node is not acknowledged.
                    }
                }
            }, Cancel));
            var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                while (clock.Elapsed < TimeSpan.FromSeconds(5))
                {
                    using var response = await throughProxy.GetAsync(IndicatorPath, Cancel);
                    if (clock.ElapsedMilliseconds > Interlocked.Read(ref killedAt) + 500)
                    {
                        Interlocked.Increment(ref readsAfterKill);
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            Interlocked.Increment(ref failedReadsAfterKill);
                        }
                    }
                }
            }, Cancel));
            await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
            Process.GetProcessById(int.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "node2.pid"), Cancel))).Kill();
            Interlocked.Exchange(ref killedAt, clock.ElapsedMilliseconds);
            await Task.WhenAll([.. writers, .. readers]);

            Assert.NotEmpty(acknowledged);
            Assert.True(readsAfterKill > 0, "no read after the kill");
            Assert.Equal(0, failedReadsAfterKill);
            await using (var database = new NpgsqlConnection(connection))
            {
                await database.OpenAsync(Cancel);
                await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM \"Cases\" WHERE \"Id\" = ANY(@ids)", database);
                count.Parameters.AddWithValue("ids", acknowledged.ToArray());
                Assert.Equal(acknowledged.Count, Convert.ToInt32(await count.ExecuteScalarAsync(Cancel)));
            }

            // The facts of every write that committed are whole.
            var check = await AppProcess.RunAsync(AppProcess.Cli, ["indicators", "check", "--unit", "01", "--from", "2024-01-01", "--to", "2024-12-31"], environment: cli);
            Assert.True(check.ExitCode == 0, check.ToString());
        }
        finally
        {
            await ScriptAsync("down", directory);
            Directory.Delete(directory, recursive: true);
        }
    }

    private const string IndicatorPath = "/api/v1/units/01/indicators?from=2024-01-01&to=2024-12-31&indicator=CIT.CASES";

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<long> CasesAsync(HttpClient client)
    {
        var values = await client.GetFromJsonAsync<JsonElement>(IndicatorPath, Cancel);
        return values.GetProperty("values")[0].GetProperty("numerator").GetInt64();
    }

    private static Task<HttpResponseMessage> PostCaseAsync(HttpClient client, int i) => client.PostAsJsonAsync("/api/v1/cases", new
    {
        kind = "petition",
        unit = "10060",
        receivedOn = "2024-06-03",
        channel = "mail",
        subject = $"Đề nghị sửa đường liên thôn {i}",
        content = "Đường liên thôn bị hư hỏng sau mùa mưa.",
        petitioner = new { name = "Nguyễn Văn Hùng", address = "Thôn 1", phone = "0912345678" },
    }, Cancel);

    private static async Task<AppResult> ScriptAsync(string command, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Root, "deploy", "cluster.sh"), command, directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var error = process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        return new AppResult(process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Oversight.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (Oversight.slnx) is not above the tests");
    }
}
