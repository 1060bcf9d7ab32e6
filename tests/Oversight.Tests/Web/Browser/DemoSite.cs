using System.Collections.Concurrent;
using Microsoft.Playwright;
using Oversight.Data;
using Oversight.Demo;
using Oversight.Tests.Demo;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Web.Browser;

/// <summary>One page of a walk: the link followed, its HTTP status, the document's widths on a phone and on a desktop, and axe-core's findings.</summary>
public sealed record VisitedPage(string Href, int? Status, int PhoneWidth, int DesktopWidth, IReadOnlyList<string> Violations);

/// <summary>
/// The demo served on loopback and one Chromium, started once for a whole test class; and the walk of the pages a
/// demo account reaches from the home page.
/// </summary>
/// <remarks>
/// SQLite only: the pages render the same records whichever the provider, and their queries run on both providers in
/// the HTTP and feature tests. Tests only read.
/// </remarks>
public sealed class DemoSite : IAsyncLifetime
{
    /// <summary>A phone's screen in CSS pixels (an iPhone 12 to 16), the width every page must fit.</summary>
    public const int PhoneWidth = 390;

    public const int DesktopWidth = 1280;

    private const int ScreenHeight = 844;

    /// <summary>The home page links to hundreds of units; their pages are alike, so a few stand for all.</summary>
    private const int UnitPages = 3;

    /// <summary>The pages every visitor opens besides those the home page links to.</summary>
    public static readonly string[] MainPages =
        ["/cases", "/tasks", "/inspections", "/indicators", "/reception", "/work", "/notifications", "/account/notifications", "/search?q=tot%20dong", "/public/petitions/new"];

    private readonly LoadedDemo demo = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<VisitedPage>>>> walks = new();
    private OversightWebFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string address = "";

    /// <summary>Nobody signed in, then the demo's inspector, leader, district officer and Quảng Bị officer.</summary>
    public static TheoryData<string> Visitors => new("anonymous", "inspector", "leader", "officer", "officer.quangbi");

    public async ValueTask InitializeAsync()
    {
        var (database, _) = await demo.GetAsync(DatabaseProvider.Sqlite);
        factory = new OversightWebFactory(database);
        address = factory.StartOnLoopback();
        playwright = await Playwright.CreateAsync();
        browser = await ChromiumBrowser.LaunchAsync(playwright);
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await demo.DisposeAsync();
    }

    /// <summary>
    /// Walks the pages the visitor reaches (once per visitor, whichever test asks first): signs in (a demo account, or
    /// nobody for "anonymous") in a browser context of its own the size of a phone, opens the home page, then every page
    /// it links to from <c>header</c>, <c>nav</c> and <c>main</c> (a few of the units), the <see cref="MainPages"/>, and
    /// last the other language's; on each, the width of the document at <see cref="PhoneWidth"/> and at
    /// <see cref="DesktopWidth"/>, then what axe-core finds (nothing when it is not installed).
    /// </summary>
    /// <remarks>
    /// The context bypasses the pages' Content-Security-Policy so that axe-core's script may be injected; that changes
    /// nothing in how they look, for they have no inline styles or scripts that the policy would block.
    /// </remarks>
    public Task<IReadOnlyList<VisitedPage>> WalkAsync(string visitor) =>
        walks.GetOrAdd(visitor, name => new Lazy<Task<IReadOnlyList<VisitedPage>>>(() => WalkOnceAsync(name))).Value;

    private async Task<IReadOnlyList<VisitedPage>> WalkOnceAsync(string visitor)
    {
        var axe = AxeCore.TryRead();
        await using var context = await browser!.NewContextAsync(new()
        {
            BaseURL = address,
            ViewportSize = new() { Width = PhoneWidth, Height = ScreenHeight },
            BypassCSP = true,
        });
        var page = await context.NewPageAsync();
        if (visitor != "anonymous")
        {
            await SignInAsync(page, DemoScenario.Accounts.Single(a => a.UserName == visitor));
        }

        var visited = new List<VisitedPage>();
        var seen = new HashSet<string>();
        foreach (var href in await PagesAsync(page))
        {
            var response = await page.GotoAsync(href);
            if (response is null || !response.Ok)
            {
                visited.Add(new(href, response?.Status, 0, 0, []));
                continue;
            }

            // Pages that run scripts (the API reference renders itself) are checked once their requests have settled.
            if (await page.EvaluateAsync<bool>("() => document.scripts.length > 0"))
            {
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            }

            // A link that ends where an earlier one did (the home page is the unit tree when signed in) is checked once.
            if (!seen.Add(page.Url))
            {
                continue;
            }

            var phone = await ScrollWidthAsync(page);
            await page.SetViewportSizeAsync(DesktopWidth, ScreenHeight);
            var desktop = await ScrollWidthAsync(page);
            await page.SetViewportSizeAsync(PhoneWidth, ScreenHeight);
            visited.Add(new(href, response.Status, phone, desktop, axe is null ? [] : await AxeViolationsAsync(page, axe)));
        }

        return visited;
    }

    private static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    /// <summary>The checker's rules as shipped (WCAG 2.x A and AA, and its best practices), their two worst impacts.</summary>
    private static async Task<string[]> AxeViolationsAsync(IPage page, string axe)
    {
        await page.AddScriptTagAsync(new() { Content = axe });
        return await page.EvaluateAsync<string[]>(
            """
            async () => (await axe.run({ resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}, ${v.nodes.length} element(s)) first at ${v.nodes[0].target.flat().join(' ')}: ${v.help}`)
            """);
    }

    private static async Task SignInAsync(IPage page, DemoAccount account)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(account.UserName);
        await page.GetByLabel("Mật khẩu").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.Locator("form.sign-out")).ToBeVisibleAsync();
    }

    private static async Task<IReadOnlyList<string>> PagesAsync(IPage page)
    {
        await page.GotoAsync("/");
        var links = (await page.EvalOnSelectorAllAsync<string?[]>("header a, nav a, main a", "links => links.map(a => a.getAttribute('href'))"))
            .OfType<string>()
            .Where(href => href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
            .Select(href => href.Split('#')[0])
            .ToList();
        static bool IsUnit(string href) => href.StartsWith("/units/", StringComparison.Ordinal) || href.StartsWith("/units?", StringComparison.Ordinal);
        // The language switch keeps its choice for the rest of the walk, so it comes last.
        static bool IsLanguage(string href) => href.StartsWith("/language", StringComparison.Ordinal);
        return
        [
            .. new[] { "/" }
                .Concat(links.Where(href => !IsUnit(href) && !IsLanguage(href)))
                .Concat(links.Where(IsUnit).Distinct().Take(UnitPages))
                .Concat(MainPages)
                .Concat(links.Where(IsLanguage))
                .Distinct(),
        ];
    }
}
