using Oversight.Notifications;

namespace Oversight.Web.Hosting;

/// <summary>
/// Every few minutes, from <c>Notifications:DigestHour</c> o'clock in Vietnam (7 by default), makes and e-mails the
/// day's digests and escalations unless a node made them already (see <see cref="DailyDigests"/>); any node may, and
/// the unique key of each notification keeps a digest from being sent twice when two do at once.
/// </summary>
public sealed class DigestSending(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DigestSending> logger) : PeriodicWork(scopes, logger)
{
    public const int DefaultDigestHour = 7;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override string Failure => "Making the daily digests failed.";

    protected override Task RunAsync(IServiceProvider services, CancellationToken stoppingToken) =>
        services.GetRequiredService<DailyDigests>().RunDueAsync(configuration.GetValue("Notifications:DigestHour", DefaultDigestHour), stoppingToken);
}
