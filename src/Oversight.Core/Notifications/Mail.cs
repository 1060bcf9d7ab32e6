using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Oversight.Notifications;

/// <summary>How the connection to the mail server is protected (<c>Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on the same machine or network.</summary>
    None,

    /// <summary>A plain connection upgraded with STARTTLS, which must succeed (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Ssl,
}

/// <summary>
/// The mail server and the site's address for the links in e-mails: <c>Smtp:Host</c>, <c>Smtp:Port</c>,
/// <c>Smtp:From</c>, <c>Smtp:UserName</c>, <c>Smtp:Password</c>, <c>Smtp:Security</c> (<c>none</c>, <c>starttls</c>,
/// <c>ssl</c>; default <c>ssl</c> on port 465, <c>starttls</c> otherwise) and <c>Notifications:BaseUrl</c>.
/// </summary>
/// <remarks>
/// The password comes from the environment (<c>Smtp__Password</c>) or the command line, never from a file in the
/// repository. Without a host, a sender or a base URL no e-mail is sent and <see cref="Off"/> says why; notifications
/// are still made.
/// </remarks>
public sealed record MailSettings(string? Host, int Port, SmtpSecurity Security, string? Sender, string? UserName, string? Password, Uri? BaseUrl, string? Off)
{
    public static MailSettings From(IConfiguration configuration)
    {
        var smtp = configuration.GetSection("Smtp");
        var host = NonEmpty(smtp["Host"]);
        var port = int.TryParse(smtp["Port"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 587;
        var security = NonEmpty(smtp["Security"])?.ToLowerInvariant() switch
        {
            null => port == 465 ? SmtpSecurity.Ssl : SmtpSecurity.StartTls,
            "none" => SmtpSecurity.None,
            "starttls" => SmtpSecurity.StartTls,
            "ssl" => SmtpSecurity.Ssl,
            var other => throw new InvalidOperationException($"Smtp:Security '{other}' is not one of: none, starttls, ssl."),
        };
        var from = NonEmpty(smtp["From"]);
        var baseUrl = NonEmpty(configuration["Notifications:BaseUrl"]) is { } url
            ? Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                ? parsed
                : throw new InvalidOperationException($"Notifications:BaseUrl '{url}' is not an http or https address.")
            : null;
        var off = host is null ? "no mail server is configured (Smtp:Host)"
            : from is null || !MailboxAddress.TryParse(from, out _) ? "Smtp:From is not a sender's address"
            : baseUrl is null ? "the site's address for the links is not configured (Notifications:BaseUrl)"
            : null;
        return new(host, port, security, from, NonEmpty(smtp["UserName"]), NonEmpty(smtp["Password"]), baseUrl, off);
    }

    /// <summary>The absolute address of a page given from the site's root.</summary>
    public string Link(string path) => BaseUrl is { } root ? new Uri(root, path.TrimStart('/')).AbsoluteUri : path;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Sends e-mails through the configured SMTP server (MailKit), one connection for a batch.</summary>
public sealed class Mailer(MailSettings settings)
{
    /// <summary>Connects, authenticates when a user name is configured, and returns the open connection.</summary>
    public async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient();
        try
        {
            var options = settings.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.Ssl => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException(settings.Off), settings.Port, options, cancellationToken);
            if (settings.UserName is { } userName)
            {
                await client.AuthenticateAsync(userName, settings.Password ?? string.Empty, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>A plain-text message from the configured sender.</summary>
    public MimeMessage Message(string to, string? toName, string subject, string text) => new(
        [MailboxAddress.Parse(settings.Sender!)],
        [new MailboxAddress(toName ?? to, to)],
        subject,
        new TextPart("plain") { Text = text });
}
