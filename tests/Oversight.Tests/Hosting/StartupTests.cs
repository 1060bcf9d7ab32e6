using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Hosting;

public sealed class StartupTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_host_migrates_an_empty_database_at_start_and_says_it_is_live_then_ready(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        if (provider == DatabaseProvider.Sqlite)
        {
            await File.WriteAllBytesAsync(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource, [], Cancel);
        }

        await using var web = new OversightWebFactory(database);
        var client = web.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Cancel)).StatusCode);
        var ready = await client.GetAsync("/health/ready", Cancel);
        for (var attempt = 0; attempt < 100 && ready.StatusCode == HttpStatusCode.ServiceUnavailable; attempt++)
        {
            await Task.Delay(100, Cancel);
            ready = await client.GetAsync("/health/ready", Cancel);
        }

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(Cancel));
        Assert.Equal(Roles.All.Order(), await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync(Cancel));
    }

    [Fact]
    public async Task The_web_host_listens_where_urls_says_on_the_database_the_environment_names()
    {
        var directory = AppProcess.CreateWorkingDirectory();
        try
        {
            var file = Path.Combine(directory, "chosen-by-environment.db");
            var environment = new Dictionary<string, string>
            {
                ["Database__Provider"] = "Sqlite",
                ["ConnectionStrings__Oversight"] = $"Data Source={file};Pooling=False",
            };

            var (host, address) = await AppProcess.StartWebAsync(["--urls", "http://127.0.0.1:0"], environment, directory, TimeSpan.FromMinutes(1));
            await using (host)
            {
                using var client = new HttpClient { BaseAddress = address };

                // Ready once the unit graph and the calendar are loaded, which a busy machine takes a while to do.
                var response = await client.GetAsync("/health", Cancel);
                for (var waited = 0; response.StatusCode == HttpStatusCode.ServiceUnavailable && waited < 60; waited++)
                {
                    response.Dispose();
                    await Task.Delay(500, Cancel);
                    response = await client.GetAsync("/health", Cancel);
                }

                Assert.Equal(IPAddress.Loopback.ToString(), address.Host);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.True(File.Exists(file), $"the host did not create {file}");
                Assert.False(Directory.Exists(Path.Combine(directory, "data")), "the host used the default database, not the one the environment names");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
