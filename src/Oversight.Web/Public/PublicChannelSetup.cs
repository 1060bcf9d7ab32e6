using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Oversight.Petitions;

namespace Oversight.Web.Public;

/// <summary>How many requests one client may make in a window of time.</summary>
public sealed class RequestLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>
/// Limits of the public channel, from configuration section <c>Public</c>: <c>Public:MaxBodyBytes</c>,
/// <c>Public:Submissions:PermitLimit</c> / <c>Public:Submissions:Window</c> (hh:mm:ss), and the same for <c>Public:Lookups</c>.
/// </summary>
public sealed class PublicChannelOptions
{
    public const string Section = "Public";

    /// <summary>
    /// The largest submission body. 64 KB holds the longest content the workflow takes (10,000 characters) even when
    /// a client escapes every Vietnamese letter as <c>\uXXXX</c>.
    /// </summary>
    public long MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Submissions per client (remote IP address): few, so that one client cannot flood the registers.</summary>
    public RequestLimit Submissions { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Status look-ups per client: enough for a person, too few to guess tracking codes.</summary>
    public RequestLimit Lookups { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>Marks an endpoint or page whose request body the public channel limits to <see cref="PublicChannelOptions.MaxBodyBytes"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PublicBodyLimitAttribute : Attribute;

/// <summary>The public channel's services and pipeline: rate limits per client and the body size limit.</summary>
public static class PublicChannelSetup
{
    /// <summary>
    /// Rate-limiter policy for submissions: POSTs only (showing the form costs nothing); the form's unit search counts
    /// as a look-up.
    /// </summary>
    public const string SubmissionsPolicy = "public-submissions";

    /// <summary>Rate-limiter policy for status look-ups by tracking code.</summary>
    public const string LookupsPolicy = "public-lookups";

    public static IServiceCollection AddPublicChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublicChannelOptions>(configuration.GetSection(PublicChannelOptions.Section));
        services.AddScoped<PublicChannel>();
        services.Configure<RazorPagesOptions>(options => options.Conventions.AddPageRoute("/Public/Petitions/New", Pages.Public.Petitions.NewModel.PostAddress.TrimStart('/')));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SubmissionsPolicy, context => !HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : context.Request.Query["handler"] == "Search" ? Partition(context, "search", o => o.Lookups) : Partition(context, "submit", o => o.Submissions));
            options.AddPolicy(LookupsPolicy, context => Partition(context, "lookup", o => o.Lookups));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await WriteProblemIfJsonAsync(rejected.HttpContext, "Too many requests from this address; try again later.");
            };
        });
        return services;
    }

    /// <summary>Adds the rate limiter and the body size check; after routing, so that both see the endpoint.</summary>
    public static WebApplication UsePublicChannel(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<PublicBodyLimitAttribute>() is not null)
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<PublicChannelOptions>>().Value.MaxBodyBytes;
                if (context.Request.ContentLength > limit)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    await WriteProblemIfJsonAsync(context, $"The request is larger than {limit} bytes.");
                    return;
                }

                // A body sent without a length is cut off at the limit by the server (413).
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = limit;
                }
            }

            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Whether the client sent or asked for JSON rather than a page.</summary>
    public static bool WantsJson(HttpRequest request) =>
        request.HasJsonContentType()
        || request.GetTypedHeaders().Accept.Any(a => a.MediaType.Value is "application/json" or "application/problem+json");

    private static RateLimitPartition<string> Partition(HttpContext context, string purpose, Func<PublicChannelOptions, RequestLimit> limit)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<PublicChannelOptions>>().Value;
        var chosen = limit(options);
        return RateLimitPartition.GetFixedWindowLimiter($"{purpose} {context.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = chosen.PermitLimit,
            Window = chosen.Window,
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// A problem description for JSON clients; pages get no body, so that the error page is shown in the reader's language.
    /// </summary>
    private static async Task WriteProblemIfJsonAsync(HttpContext context, string title)
    {
        if (WantsJson(context.Request))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = context.Response.StatusCode, Title = title },
            });
        }
    }
}
