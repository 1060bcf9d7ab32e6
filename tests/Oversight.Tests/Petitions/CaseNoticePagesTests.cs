using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;

namespace Oversight.Tests.Petitions;

/// <summary>The case page's "Văn bản gửi công dân": the notices listed, a form for each kind open now, and their files.</summary>
public sealed class CaseNoticePagesTests
{
    private const string Officer = "officer-quangbi";
    private const string WardOfficer = "officer-chuongmy";
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_issues_the_acceptance_from_the_case_page_and_downloads_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync(Officer, Roles.Officer, "10072", Today);
        await factory.AddUserAsync(WardOfficer, Roles.Officer, "10015", Today);
        Guid caseId;
        await using (var scope = database.SystemScope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<CaseWorkflow>();
            caseId = (await workflow.ReceiveAsync(new CaseRequest(
                "complaint", "10072", "2026-11-02", "mail", "Bồi thường khi thu hồi đất", "Nội dung đơn.", new PetitionerDetails("Đỗ Thị Hằng", "Thôn Đồng Tâm", null)), Cancel)).Case!.Id;
            Assert.True((await workflow.AcceptAsync(caseId, new DateOnly(2026, 11, 4), false, false, cancellationToken: Cancel)).Succeeded);
        }

        var session = await PageSession.SignInAsync(factory, Officer);
        var (_, page) = await session.GetAsync($"/cases/{caseId}");
        using var refused = await session.PostFormAsync(page, "form[action*='handler=Notice']", new() { ["SignerName"] = "" });
        var refusedPage = await PageSession.ParseAsync(refused);
        using var issued = await session.PostFormAsync(page, "form[action*='handler=Notice']", new() { ["SignerName"] = "Trần Văn Bình" });
        var (_, after) = await session.FollowAsync(issued);
        var link = after.QuerySelector("#notices ~ table a[href*='format=docx']")!.GetAttribute("href")!;
        using var docx = await session.Client.GetAsync(link, Cancel);
        var bytes = await docx.Content.ReadAsByteArrayAsync(Cancel);
        using var pdf = await session.Client.GetAsync(link.Replace("format=docx", "format=pdf", StringComparison.Ordinal), Cancel);
        var outsider = await PageSession.SignInAsync(factory, WardOfficer);
        using var outside = await outsider.Client.GetAsync(link, Cancel);

        Assert.Equal("Văn bản gửi công dân", PageText.Of(page.QuerySelector("#notices")));
        Assert.NotNull(page.QuerySelector("form[action*='handler=Notice'] input[name=__RequestVerificationToken]"));
        Assert.Equal(["Ban hành: Thông báo thụ lý", "Ban hành: Phiếu hẹn"], page.QuerySelectorAll("#notices ~ section h3").Select(PageText.Of));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Họ tên người ký", PageText.Of(refusedPage.QuerySelector(".error-summary")));
        Assert.Contains("Đã ban hành Thông báo thụ lý số 1/TB-UBND ngày 25/11/2026.", PageText.Of(after.QuerySelector("p.confirmation")));
        Assert.Equal(["Ban hành: Phiếu hẹn"], after.QuerySelectorAll("#notices ~ section h3").Select(PageText.Of));
        Assert.Equal("1/TB-UBND", PageText.Of(after.QuerySelector("#notices ~ table tbody td")));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("thong-bao-so-1-tb-2026.docx", docx.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        using (var word = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Contains("Đỗ Thị Hằng", word.MainDocumentPart!.Document!.Body!.InnerText);
        }

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }
}
