using Oversight.Data;
using Oversight.Indicators;

namespace Oversight.Web.Hosting;

/// <summary>
/// Reads every record set into the <see cref="RecordStore"/> as the web host starts, so that the first figures asked
/// for do not wait for it (a province's million cases take seconds to read).
/// </summary>
public sealed class RecordStoreWarming(IServiceScopeFactory scopes, RecordStore store, ILogger<RecordStoreWarming> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await store.ReadAllAsync(scope.ServiceProvider.GetRequiredService<OversightDbContext>(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // The first figures asked for read the records themselves.
            logger.LogError(exception, "Reading the records indicators are computed from failed.");
        }
    }
}
