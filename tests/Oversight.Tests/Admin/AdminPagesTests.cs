using System.Net;
using System.Net.Http.Headers;
using Oversight.Data;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;

namespace Oversight.Tests.Admin;

/// <summary>The administrators' pages for rule packs and the working-day calendar.</summary>
public sealed class AdminPagesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Posts a file through a page's upload form with its antiforgery token.</summary>
    private static async Task<(HttpStatusCode Status, AngleSharp.Dom.IDocument Page)> UploadAsync(PageSession session, string page, string fileName, string content)
    {
        var (_, form) = await session.GetAsync(page);
        var token = form.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new StringContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        body.Add(file, "Upload", fileName);
        using var response = await session.Client.PostAsync(page, body, Cancel);
        return (response.StatusCode, await PageSession.ParseAsync(response));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_rules_page_shows_the_values_in_force_on_a_day_marks_unverified_ones_and_loads_a_pack_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var admin = await PageSession.SignInAsync(factory, WebScenario.Administrator);
        var officer = await PageSession.SignInAsync(factory, WebScenario.TotDongOfficer);
        const string pack = """{ "id": "test-2027", "title": "Gói thử nghiệm", "effectiveFrom": "2027-01-01", "rules": { "complaint.accept": { "value": 7, "unit": "working-days", "citation": "Luật thử nghiệm, Điều 1", "verified": true } } }""";

        var (_, before2026July) = await admin.GetAsync("/admin/rules?on=2026-06-30&culture=en-GB");
        var (_, inForce) = await admin.GetAsync("/admin/rules?culture=en-GB");
        var (_, broken) = await UploadAsync(admin, "/admin/rules", "broken.json", pack.Replace("working-days", "days"));
        var (loadStatus, loaded) = await UploadAsync(admin, "/admin/rules", "test-2027.json", pack);
        var (_, again) = await UploadAsync(admin, "/admin/rules", "test-2027.json", pack);
        var (_, in2027) = await admin.GetAsync("/admin/rules?on=2027-01-01&culture=en-GB");
        using var asOfficer = await officer.Client.GetAsync("/admin/rules", Cancel);

        string Row(AngleSharp.Dom.IDocument page, string key) => PageText.Of(page.QuerySelectorAll("tr").FirstOrDefault(r => PageText.Of(r.QuerySelector("th")) == key));
        Assert.Equal("reception.committee-chairman.commune 1 days per week Unverified Luật Tiếp công dân 2013, Điều 15 reception-2014 (from 1 Jul 2014)", Row(before2026July, "reception.committee-chairman.commune"));
        Assert.StartsWith("reception.committee-chairman.commune 2 days per month Unverified Luật số 136/2025/QH15", Row(inForce, "reception.committee-chairman.commune"));
        Assert.Contains("broken.json: rules.complaint.accept.unit: 'days' is not one of", PageText.Of(broken.QuerySelector(".error-summary")));
        Assert.Equal(HttpStatusCode.OK, loadStatus);
        Assert.Contains("test-2027", PageText.Of(loaded.QuerySelector("[role=status]")));
        Assert.Contains("test-2027", PageText.Of(again.QuerySelector("[role=status]")));
        Assert.NotEqual(PageText.Of(loaded.QuerySelector("[role=status]")), PageText.Of(again.QuerySelector("[role=status]")));
        Assert.Equal("complaint.accept 7 working days Luật thử nghiệm, Điều 1 test-2027 (from 1 Jan 2027)", Row(in2027, "complaint.accept"));
        Assert.Equal(HttpStatusCode.Redirect, asOfficer.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_calendar_page_shows_a_years_days_off_and_where_they_come_from_and_loads_a_schedule(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var admin = await PageSession.SignInAsync(factory, WebScenario.Administrator);

        var (_, year2025) = await admin.GetAsync("/admin/calendar?year=2025&culture=en-GB");
        var (_, year2040) = await admin.GetAsync("/admin/calendar?year=2040&culture=en-GB");
        var (_, badYear) = await admin.GetAsync("/admin/calendar?year=3000&culture=en-GB");
        var (_, broken) = await UploadAsync(admin, "/admin/calendar", "broken.json", "{ \"year\": 2040 }");

        var text2025 = PageText.MainText(year2025);
        Assert.Contains("Shipped with Oversight", text2025);
        Assert.Contains("26 Apr 2025", text2025);
        Assert.Contains("30 Apr 2025", text2025);
        Assert.Contains("The Labour Code's public holidays", PageText.MainText(year2040));
        Assert.NotNull(badYear.QuerySelector(".error-message"));
        Assert.Contains("broken.json", PageText.Of(broken.QuerySelector(".error-summary")));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_accounts_page_lists_accounts_and_an_administrator_disables_one_revokes_its_tokens_and_gives_it_a_new_password(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var api = await factory.CreateApiClientAsync("api.reader", "officer", "10060", WebScenario.InspectionDay);
        var admin = await PageSession.SignInAsync(factory, WebScenario.Administrator);
        var officer = await PageSession.SignInAsync(factory, WebScenario.TotDongOfficer);

        var (_, list) = await admin.GetAsync("/admin/users");
        var (_, officerPage) = await officer.GetAsync("/admin/users");
        var (_, account) = await admin.GetAsync("/admin/users/api.reader");
        using var disabled = await admin.PostFormAsync(account, "form[action*='handler=Disable']", []);
        var (_, afterDisable) = await admin.FollowAsync(disabled);
        using var apiAfterDisable = await api.GetAsync("/api/v1/indicators", Cancel);
        using var common = await admin.PostFormAsync(afterDisable, "form[action*='handler=Password']", new() { ["NewPassword"] = "qwerty123456" });
        var commonPage = await PageSession.ParseAsync(common);
        using var revoked = await admin.PostFormAsync(afterDisable, "form[action*='handler=Revoke']:not([action*='token='])", []);
        var (_, afterRevoke) = await admin.FollowAsync(revoked);

        Assert.Contains("officer-totdong", PageText.Of(list.QuerySelector("main table")));
        Assert.Contains("Cán bộ", PageText.Of(list.QuerySelector("main table")));
        Assert.Null(officerPage.QuerySelector("main table"));
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("Đã khóa tài khoản", PageText.Of(afterDisable.QuerySelector("[role=status]")));
        Assert.Equal(HttpStatusCode.Unauthorized, apiAfterDisable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, common.StatusCode);
        Assert.Contains("most common passwords", PageText.Of(commonPage.QuerySelector(".error-summary")));
        Assert.Contains("Đã thu hồi", PageText.Of(afterRevoke.QuerySelector("main table")));
        Assert.Null(afterRevoke.QuerySelector("form[action*='handler=Revoke'][action*='token=']"));
    }
}
