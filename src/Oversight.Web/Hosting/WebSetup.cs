using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Keys;
using Oversight.Web.Accounts;
using Scalar.AspNetCore;

namespace Oversight.Web.Hosting;

/// <summary>The web host's services and pipeline, so that Program.cs reads as a table of contents.</summary>
public static partial class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-GB")];

    public static IServiceCollection AddOversightWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOversightCore(configuration);
        services.AddForwardedClients(configuration);
        services.AddHostedService<FactCompaction>();
        services.AddHostedService<AuditSealing>();
        services.AddHostedService<ImportJobRunning>();
        services.AddHostedService<DigestSending>();
        if (DatabaseSettings.From(configuration).Provider == DatabaseProvider.Sqlite)
        {
            services.AddHostedService<CaseSearchIndexing>();
        }

        services.AddScoped<Petitions.CaseResponses>();
        services.AddSingleton<TokenClaimsCache>();
        new IdentityBuilder(typeof(OversightUser), typeof(IdentityRole), services)
            .AddSignInManager<EvenTimeSignIn>()
            .AddClaimsPrincipalFactory<ScopeClaimsPrincipalFactory>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/Login";
            options.Cookie.Name = "oversight.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        // A session is checked against its account once a minute: signing out, a password change or a disable (a new
        // security stamp) ends the account's sessions on every node within that minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .AddPolicy(Policies.Administrator, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Leader, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Leader, Roles.Administrator))
            .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser());

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/", Policies.SignedIn);
                options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Error");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();

        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;

            // Vietnamese as written ("Huyện Chương Mỹ", not "Huy\u1ec7n …"); HTML-sensitive characters stay escaped.
            options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Oversight API";
            document.Info.Description = "Monitoring how directives are carried out in local government. Authenticate with a personal access token: Authorization: Bearer ovs_…";
            return Task.CompletedTask;
        }));
        services.AddSingleton<Readiness>().AddHostedService(provider => provider.GetRequiredService<Readiness>());
        services.AddHealthChecks().AddCheck<Readiness>("caches and database", tags: [Readiness.Tag]);
        return services;
    }

    /// <summary>
    /// Migrates the database; with <c>--demo</c>, loads the demo scenario into an empty database and prints its
    /// accounts. False, with the reason on standard error, when the installation's key file is missing: the host
    /// does not start without it.
    /// </summary>
    public static async Task<bool> InitializeDatabaseAsync(this WebApplication app, bool demo)
    {
        try
        {
            await DatabaseInitializer.MigrateAsync(app.Services, Console.Out);
        }
        catch (KeyFileException e)
        {
            await Console.Error.WriteLineAsync($"Oversight does not start: {e.Message}");
            return false;
        }

        if (demo)
        {
            await DemoStartup.LoadIfEmptyAsync(app.Services, Console.Out);
        }

        return true;
    }

    public static WebApplication UseOversightWeb(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // A request the server could not read (a body over its limit sent without a length, a malformed body) is
            // the client's error, answered with its own status rather than 500.
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
        }

        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?status={0}"));
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCaller();
        return app;
    }

    /// <summary>
    /// <c>/health/live</c>: the process serves requests. <c>/health/ready</c> (and <c>/health</c>): it is migrated, has
    /// loaded its caches and reaches the database; 503 until then.
    /// </summary>
    public static void MapHealthEndpoint(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        foreach (var path in new[] { "/health/ready", "/health" })
        {
            app.MapHealthChecks(path, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Readiness.Tag) }).AllowAnonymous();
        }
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and its interactive reference at <c>/api/reference</c>; public, like any published API description.</summary>
    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        // Its scripts carry a nonce of the request (SecurityHeaders); its fonts are the page's own, not a third party's.
        app.MapScalarApiReference(ApiReferencePath, options => options.WithTitle("Oversight API").WithNonce().DisableDefaultFonts().WithCustomCss(ApiReferenceContrast)).AllowAnonymous();
        app.Use(async (context, next) =>
        {
            // The page itself (the address redirects to itself with a slash), not its scripts.
            if (!string.Equals(context.Request.Path.Value?.TrimEnd('/'), ApiReferencePath, StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            // The reference's page names no language, which a screen reader needs to read it (it is in English).
            var body = context.Response.Body;
            using var page = new MemoryStream();
            context.Response.Body = page;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = body;
            }

            var html = Encoding.UTF8.GetString(page.GetBuffer(), 0, (int)page.Length);
            var named = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                ? HtmlWithoutLanguage().Replace(html, "<html lang=\"en\"", 1)
                : html;
            context.Response.ContentLength = null;
            await context.Response.WriteAsync(named, context.RequestAborted);
        });
    }

    private const string ApiReferencePath = "/api/reference";

    /// <summary>
    /// Darker shades of the reference's own theme colours where its defaults are too faint to read (WCAG AA, 4.5:1): its
    /// third text colour (3.3:1 on white, 4.4:1 on black) and the green of GET (3.6:1 on its light grey).
    /// </summary>
    private const string ApiReferenceContrast =
        ".light-mode { --scalar-color-3: #6b6b6b; --scalar-color-green: #007a4d; } .dark-mode { --scalar-color-3: #8f8f8f; }";

    [GeneratedRegex("<html(?![^>]*\\blang=)", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlWithoutLanguage();
}

/// <summary>Start-up switches that are not configuration keys.</summary>
public static class StartupOptions
{
    /// <summary>Splits <c>--demo</c> from the arguments the host's configuration reads.</summary>
    public static (bool Demo, string[] HostArgs) Parse(string[] args) =>
        (args.Contains("--demo"), args.Where(a => a != "--demo").ToArray());
}
