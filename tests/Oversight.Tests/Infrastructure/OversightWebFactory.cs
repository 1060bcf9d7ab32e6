using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Oversight.Accounts;

namespace Oversight.Tests.Infrastructure;

/// <summary>The web host on a test database, with helpers that sign callers in.</summary>
public sealed class OversightWebFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public const string Password = "Correct-Horse-7";

    static OversightWebFactory()
    {
        // Every host watches its content and web roots for changes, one inotify instance each, and the hosts of tests
        // running side by side outgrow the 128 instances a Linux user has by default. No test changes those files:
        // poll for changes instead, which takes no instance.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public TestDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in database.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(database.Time));
    }

    /// <summary>Serves on a free port of loopback, as a real server that a browser reaches, and returns its address.</summary>
    public string StartOnLoopback()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>Adds an account (password <see cref="Password"/>) and returns an API client carrying a token of it.</summary>
    public async Task<HttpClient> CreateApiClientAsync(string userName, string role, string? unitCode = null, DateOnly? asOf = null)
    {
        await AddUserAsync(userName, role, unitCode, asOf);
        await using var scope = database.SystemScope();
        var (token, error) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync(userName, "test");
        Assert.Null(error);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task AddUserAsync(string userName, string role, string? unitCode = null, DateOnly? asOf = null)
    {
        await using var scope = database.SystemScope();
        var error = await scope.ServiceProvider.GetRequiredService<AccountService>().AddUserAsync(userName, role, unitCode, asOf, Password);
        Assert.Null(error);
    }
}
