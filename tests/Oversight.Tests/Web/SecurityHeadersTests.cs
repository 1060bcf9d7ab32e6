using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Oversight.Data;
using Oversight.Tests.Infrastructure;
using Oversight.Web.Hosting;

namespace Oversight.Tests.Web;

public sealed partial class SecurityHeadersTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_forms_errors_and_the_api_carry_the_security_headers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var anonymous = PageSession.Anonymous(factory).Client;
        var signedIn = (await PageSession.SignInAsync(factory, WebScenario.TotDongOfficer)).Client;

        foreach (var (client, url) in new[]
        {
            (anonymous, "/"),
            (anonymous, "/Account/Login"),
            (anonymous, "/public/petitions/new"),
            (anonymous, "/api/v1/units"),
            (signedIn, "/units"),
            (signedIn, "/cases"),
            (signedIn, "/no-such-page"),
        })
        {
            using var response = await client.GetAsync(url, Cancel);
            var headers = response.Headers;
            Assert.True(headers.TryGetValues("Content-Security-Policy", out var policy), url);
            Assert.Equal([SecurityHeaders.PagePolicy], policy);
            Assert.Equal(["nosniff"], headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(["DENY"], headers.GetValues("X-Frame-Options"));
            Assert.Equal(["same-origin"], headers.GetValues("Referrer-Policy"));
        }
    }

    [Fact]
    public async Task Over_https_responses_carry_hsts_and_every_cookie_is_secure()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var session = new PageSession(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://oversight.example.gov.vn"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        }));

        using var form = await session.Client.GetAsync("/Account/Login", Cancel);
        using var signedIn = await session.PostLoginAsync(WebScenario.TotDongOfficer, OversightWebFactory.Password);
        using var language = await session.Client.GetAsync("/Language?culture=en-GB&returnUrl=%2F", Cancel);

        Assert.StartsWith("max-age=", Assert.Single(form.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var cookies = new[] { form, signedIn, language }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var values) ? values : []).ToList();
        var names = cookies.Select(c => c[..c.IndexOf('=', StringComparison.Ordinal)]).ToList();
        Assert.Contains(names, n => n.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("oversight.auth", names);
        Assert.Contains(".AspNetCore.Culture", names);
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_api_reference_runs_only_its_own_scripts_by_the_requests_nonce_and_loads_nothing_from_another_site()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        var client = factory.CreateClient();

        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync("/api/reference", Cancel);
            var html = await response.Content.ReadAsStringAsync(Cancel);
            var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            var nonce = NonceInPolicy().Match(policy).Groups[1].Value;
            Assert.NotEmpty(nonce);
            var scripts = ScriptTag().Matches(html);
            Assert.NotEmpty(scripts);
            Assert.All(scripts, script => Assert.Contains($"nonce=\"{nonce}\"", script.Value, StringComparison.Ordinal));
            Assert.DoesNotMatch(OtherSite(), html);
            nonces.Add(nonce);
        }

        Assert.NotEqual(nonces[0], nonces[1]);
    }

    [GeneratedRegex(@"script-src 'self' 'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex(@"<script\b[^>]*>")]
    private static partial Regex ScriptTag();

    /// <summary>A script, style sheet, font or image taken from an address on another site.</summary>
    [GeneratedRegex(@"(src|href)\s*=\s*""(https?:)?//|fonts\.scalar\.com|@import\s+url\(\s*[""']?https?:")]
    private static partial Regex OtherSite();
}
