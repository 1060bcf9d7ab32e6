using Microsoft.Playwright;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Web.Browser;

/// <summary>An officer takes a citizen's case from receipt to resolution in real Chromium, with the forms alone.</summary>
public sealed class CaseWalkBrowserTests
{
    [Fact]
    public async Task An_officer_records_accepts_assigns_and_resolves_a_case_and_finds_it_among_the_resolved()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChromiumBrowser.LaunchAsync(playwright);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var factory = new OversightWebFactory(database);
        var site = factory.StartOnLoopback();
        await factory.AddUserAsync("can-bo-quang-bi", Roles.Officer, "10072", new DateOnly(2026, 11, 25));
        var page = await browser.NewPageAsync(new() { BaseURL = site });
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        var status = page.Locator(".summary div").Filter(new() { Has = page.GetByText("Trạng thái", new() { Exact = true }) }).Locator("dd");

        await page.GotoAsync("/cases/new");
        await page.GetByLabel("Tên đăng nhập").FillAsync("can-bo-quang-bi");
        await page.GetByLabel("Mật khẩu").FillAsync(OversightWebFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(heading).ToHaveTextAsync("Ghi nhận đơn thư");
        await page.GetByLabel("Loại đơn").SelectOptionAsync(new SelectOptionValue { Label = "Kiến nghị, phản ánh" });
        await page.GetByLabel("Nguồn đơn").SelectOptionAsync(new SelectOptionValue { Label = "Tiếp công dân" });
        await page.GetByLabel("Trích yếu").FillAsync("Phản ánh về đèn chiếu sáng đường làng");
        await page.GetByLabel("Nội dung", new() { Exact = true }).FillAsync("Đèn chiếu sáng thôn Đồng Vai hỏng đã ba tháng.");
        await page.GetByLabel("Họ và tên").FillAsync("Phạm Văn Minh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận" }).ClickAsync();

        await Assertions.Expect(heading).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Hồ sơ \\d{4}-"));
        var reference = (await heading.TextContentAsync())!["Hồ sơ ".Length..].Trim();
        await Assertions.Expect(status).ToHaveTextAsync("Mới tiếp nhận");

        // Each step is the one the page offers first, and each is confirmed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Thụ lý", Exact = true }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Đã thụ lý");
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("Đã thụ lý vụ việc.");

        await page.GetByLabel("Người xử lý").SelectOptionAsync("can-bo-quang-bi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Giao xử lý", Exact = true }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Đang giải quyết");
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("Đã giao vụ việc cho can-bo-quang-bi.");

        await page.GetByLabel("Kết quả giải quyết").FillAsync("Đã thay đèn và hẹn kiểm tra định kỳ.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Giải quyết", Exact = true }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Đã giải quyết");
        await Assertions.Expect(page.Locator("table.timeline tbody tr")).ToHaveCountAsync(4);

        await page.GetByRole(AriaRole.Link, new() { Name = "Đơn thư", Exact = true }).ClickAsync();
        // The register opens on the officer's unit, its filters folded to a line that names it.
        await page.Locator("details.filter-fold > summary").ClickAsync();
        await page.GetByLabel("Trạng thái").SelectOptionAsync(new SelectOptionValue { Label = "Đã giải quyết" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }).ClickAsync();

        Assert.Contains("status=resolved", page.Url);
        await Assertions.Expect(page.Locator("table.cases tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true })).ToBeVisibleAsync();
    }
}
