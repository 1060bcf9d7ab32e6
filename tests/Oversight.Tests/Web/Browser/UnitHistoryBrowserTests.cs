using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Oversight.Data;
using Oversight.Organisation.ReferenceImport;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Web.Browser;

/// <summary>The path a person takes in real Chromium, on the reference structure of the whole country.</summary>
public sealed class UnitHistoryBrowserTests
{
    [Fact]
    public async Task Signing_in_opening_the_tree_as_of_the_inspection_day_and_finding_Tot_Dong_shows_it_is_now_part_of_Quang_Bi()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChromiumBrowser.LaunchAsync(playwright);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var scope = database.SystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceImporter>().ImportAsync(cancellation);
        }

        await using var factory = new OversightWebFactory(database);
        var site = factory.StartOnLoopback();
        await factory.AddUserAsync("thanh-tra", "inspector", "01", WebScenario.InspectionDay);
        var page = await browser.NewPageAsync(new() { BaseURL = site });

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await page.GetByLabel("Tên đăng nhập").FillAsync("thanh-tra");
        await page.GetByLabel("Mật khẩu").FillAsync(OversightWebFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cơ cấu tổ chức");

        await page.GetByLabel("Xem tại ngày").FillAsync("2024-07-19");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Xem \\d+ đơn vị trực thuộc – Huyện Chương Mỹ$") }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Xã Tốt Động", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Xã Tốt Động");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Từ 01/07/2025 là một phần của Xã Quảng Bị");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Since 1 Jul 2025 part of Xã Quảng Bị");
        Assert.EndsWith("/units/10060?asOf=2024-07-19", page.Url);
    }
}
