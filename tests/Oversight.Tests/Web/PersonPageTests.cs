using System.Net;
using Oversight.Data;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Web;

public sealed class PersonPageTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_person_page_shows_membership_and_posts_and_is_404_outside_the_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        var scenario = await WebScenario.CreateAsync(factory);
        await factory.AddUserAsync("officer-hopdong", "officer", "10072", WebScenario.InspectionDay);
        var officer = await PageSession.SignInAsync(factory, WebScenario.TotDongOfficer);
        var stranger = await PageSession.SignInAsync(factory, "officer-hopdong");

        var (status, page) = await officer.GetAsync($"/people/{scenario.ChairmanId}?culture=en-GB");
        var (hidden, _) = await stranger.GetAsync($"/people/{scenario.ChairmanId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Nguyễn Văn Đông", PageText.Of(page.QuerySelector("h1")));
        Assert.Equal("8 Mar 1972", PageText.Definition(page, "Date of birth"));
        Assert.Equal("Chi bộ thôn Đồng Tâm 19 May 1998 19 May 1999 1 Jan 2010 – present", PageText.Of(page.QuerySelector("#membership-heading + table tbody tr")));
        Assert.Equal("/units/10060-CB1?asOf=2025-06-30", page.QuerySelector("#membership-heading + table tbody a")!.GetAttribute("href"));
        Assert.Equal("Chủ tịch Ủy ban nhân dân xã Xã Tốt Động Yes Land 1 Jun 2021 – 30 Jun 2025", PageText.Of(page.QuerySelector("#positions-heading + table tbody tr")));
        Assert.Equal(HttpStatusCode.NotFound, hidden);
    }
}
