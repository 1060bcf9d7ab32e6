using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Demo;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Demo;

/// <summary>A database with the demo loaded, and what the load reported.</summary>
public sealed record DemoDatabase(TestDatabase Database, DemoLoadResult Load);

/// <summary>
/// Loads the demo once per provider for a whole test class (the load is the expensive part); tests only read
/// from it. A provider that is not configured skips every test that asks for it.
/// </summary>
public sealed class LoadedDemo : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<DemoDatabase>>> loads = new();

    public Task<DemoDatabase> GetAsync(DatabaseProvider provider) =>
        loads.GetOrAdd(provider, p => new Lazy<Task<DemoDatabase>>(() => LoadAsync(p))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var load in loads.Values.Where(l => l.IsValueCreated))
        {
            if (await load.Value.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default) is { } loaded)
            {
                await loaded.Database.DisposeAsync();
            }
        }
    }

    private static async Task<DemoDatabase> LoadAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            await using var scope = database.SystemScope("demo-test");
            var result = await scope.ServiceProvider.GetRequiredService<DemoScenario>().LoadAsync();
            Assert.True(result.Outcome == DemoOutcome.Loaded, result.Error?.Message);
            return new DemoDatabase(database, result);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }
}
