using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Scalar.AspNetCore;

namespace Oversight.Web.Hosting;

/// <summary>
/// What every response carries against injected content, framing and leaked addresses; HTTPS, HSTS and secure cookies
/// when the host is reached over HTTPS; and the client's address behind a reverse proxy that configuration names
/// (<c>ForwardedHeaders:KnownProxies</c>).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: addresses, comma-separated.</summary>
    public const string KnownProxiesSetting = "ForwardedHeaders:KnownProxies";

    /// <summary>Every page: scripts, styles, images and fonts from Oversight itself and nothing inline; never framed.</summary>
    public const string PagePolicy = "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    /// <summary>
    /// Reads the trusted proxies. Unset, forwarded headers are ignored: a client could otherwise name any address and
    /// escape the public channel's limits.
    /// </summary>
    public static IServiceCollection AddForwardedClients(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = (configuration[KnownProxiesSetting] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = proxies.Length == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{KnownProxiesSetting}: '{proxy}' is not an IP address."));
            }
        });

        services.AddAntiforgery(options =>
        {
            // The forms' anti-forgery would send SAMEORIGIN; every response is DENY.
            options.SuppressXFrameOptionsHeader = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>First in the pipeline, so that error pages and rejections carry the headers too.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = PolicyOf(context);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            // Both act on HTTPS only: HSTS is sent over HTTPS, and requests are redirected when the host has an HTTPS address.
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app;
    }

    /// <summary>
    /// The API reference runs its own scripts, each tagged with a nonce of the request, and sets styles from them; every
    /// other response gets <see cref="PagePolicy"/>.
    /// </summary>
    private static string PolicyOf(HttpContext context) =>
        context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce
            ? $"{PagePolicy}; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'"
            : PagePolicy;
}
