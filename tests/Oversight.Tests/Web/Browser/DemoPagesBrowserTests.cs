namespace Oversight.Tests.Web.Browser;

/// <summary>
/// Every page each demo account reaches from the home page, in real Chromium (<see cref="DemoSite.WalkAsync"/>, one
/// walk per account for both tests): it opens and fits a phone's screen, and axe-core finds nothing serious in it.
/// </summary>
public sealed class DemoPagesBrowserTests(DemoSite site) : IClassFixture<DemoSite>
{
    public static TheoryData<string> Visitors => DemoSite.Visitors;

    [Theory, MemberData(nameof(Visitors))]
    public async Task Every_page_opens_and_fits_a_phone_390_px_wide_and_a_desktop_1280_px_wide_without_scrolling_sideways(string visitor)
    {
        var pages = await site.WalkAsync(visitor);

        var problems = pages.Where(p => p.Status is not (>= 200 and < 300)).Select(p => $"{p.Href} ({visitor}): HTTP {p.Status}")
            .Concat(pages.Where(p => p.PhoneWidth > DemoSite.PhoneWidth).Select(p => $"{p.Href} ({visitor}): {p.PhoneWidth} px wide on a phone {DemoSite.PhoneWidth} px wide"))
            .Concat(pages.Where(p => p.DesktopWidth > DemoSite.DesktopWidth).Select(p => $"{p.Href} ({visitor}): {p.DesktopWidth} px wide on a desktop {DemoSite.DesktopWidth} px wide"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory, MemberData(nameof(Visitors))]
    public async Task No_page_has_a_serious_or_critical_accessibility_violation_by_axe_core(string visitor)
    {
        AxeCore.AssertInstalled();
        var pages = await site.WalkAsync(visitor);

        var problems = pages.SelectMany(p => p.Violations.Select(violation => $"{p.Href} ({visitor}): {violation}")).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
