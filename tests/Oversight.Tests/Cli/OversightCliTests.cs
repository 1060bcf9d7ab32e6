using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Cli.Commands;
using Oversight.Data;
using Oversight.Tests.Hosting;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Cli;

/// <summary>The <c>oversight</c> command line as a whole: help, unknown commands and how it chooses its database.</summary>
public sealed class OversightCliTests
{
    [Fact]
    public async Task Help_lists_every_command_and_the_database_settings()
    {
        var result = await AppProcess.RunAsync(AppProcess.Cli, ["--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(CommandTable.All, command => Assert.Contains(command.Usage, result.Output));
        Assert.Contains("--Database:Provider", result.Output);
        Assert.Contains("--ConnectionStrings:Oversight", result.Output);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task An_unknown_command_exits_non_zero_and_names_it_on_stderr()
    {
        var result = await AppProcess.RunAsync(AppProcess.Cli, ["users", "rename", "ana"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unknown command 'users rename ana'", result.Error);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_database_is_chosen_by_environment_variables(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = provider.ToString(),
            ["ConnectionStrings__Oversight"] = database.ConnectionString,
            ["Keys__File"] = TestDatabase.KeyFile.Value,
        };

        var result = await AppProcess.RunAsync(AppProcess.Cli, ["users", "add", "ana", "--role", "administrator"], OversightWebFactory.Password + "\n", environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var scope = database.SystemScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<OversightUser>>().FindByNameAsync("ana"));
    }

    [Fact]
    public async Task Without_settings_the_database_is_data_oversight_db_under_the_working_directory()
    {
        var directory = AppProcess.CreateWorkingDirectory();
        try
        {
            var added = await AppProcess.RunAsync(AppProcess.Cli, ["users", "add", "ana", "--role", "administrator"], OversightWebFactory.Password + "\n", workingDirectory: directory);
            var token = await AppProcess.RunAsync(AppProcess.Cli, ["tokens", "create", "--user", "ana"], workingDirectory: directory);

            Assert.True(added.ExitCode == 0, added.ToString());
            Assert.True(token.ExitCode == 0, token.ToString());
            Assert.True(File.Exists(Path.Combine(directory, "data", "oversight.db")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_provider_is_an_error_that_names_it_on_stderr()
    {
        var result = await AppProcess.RunAsync(AppProcess.Cli, ["--Database:Provider", "Oracle", "audit", "verify"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Database:Provider 'Oracle' is not supported", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task An_unreachable_postgresql_server_is_an_error_that_names_it_on_stderr()
    {
        var port = ClosedLoopbackPort();

        var result = await AppProcess.RunAsync(AppProcess.Cli,
            ["--Database:Provider", "PostgreSQL", "--ConnectionStrings:Oversight", $"Host=127.0.0.1;Port={port};Username=postgres;Timeout=5", "--Keys:File", TestDatabase.KeyFile.Value, "audit", "verify"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Empty(result.Output);
    }

    /// <summary>A loopback port that nothing listens on: one the system just handed out and took back.</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
