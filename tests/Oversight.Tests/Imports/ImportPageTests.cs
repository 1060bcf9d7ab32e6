using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;

namespace Oversight.Tests.Imports;

public sealed class ImportPageTests
{
    private const string Administrator = "admin";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_administrator_uploads_a_units_file_and_sees_what_was_written(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync(Administrator, "administrator");
        var session = await PageSession.SignInAsync(factory, Administrator);

        var (status, page) = await PostFileAsync(session, "units", "units.csv", ImportTesting.ChuongMyUnits);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(PageStructure.Problems("/imports/job", page));
        Assert.Equal("units.csv: đã nhập 9 dòng.", PageText.Of(page.QuerySelector("#import-result")));
        Assert.Equal(["Đơn vị 9 0 0"], page.QuerySelectorAll("[role=status] tbody tr").Select(PageText.Of));
        Assert.Equal(9, (await database.GraphAsync()).UnitCount);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_errors_lists_each_row_and_column_in_a_table_and_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync(Administrator, "administrator");
        var session = await PageSession.SignInAsync(factory, Administrator);
        var auditEntries = await database.AuditEntryCountAsync();

        var (status, page) = await PostFileAsync(session, "units", "đơn vị.csv",
            """
            code,name,kind,parent,valid_from,valid_to
            01,Thành phố Hà Nội,tỉnh,,,
            277,Huyện Chương Mỹ,district,01,2025-07-01,2025-06-30
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(PageStructure.Problems("/imports/job", page));
        Assert.StartsWith("Lỗi:", page.Title, StringComparison.Ordinal);
        Assert.Equal("đơn vị.csv: 2 lỗi. Không dữ liệu nào được ghi.", PageText.Of(page.QuerySelector("#import-errors")));
        Assert.Equal(
            ["2 kind 'tỉnh' không thuộc các giá trị:", "3 valid_to 2025-06-30 sớm hơn valid_from (2025-07-01)"],
            page.QuerySelectorAll(".error-summary tbody tr").Select(r => Truncate(PageText.Of(r), "giá trị:")));
        Assert.Equal(0, (await database.GraphAsync()).UnitCount);
        Assert.Equal(auditEntries + 1, await database.AuditEntryCountAsync()); // the file given, and nothing of it
    }

    [Fact]
    public async Task A_post_without_a_choice_or_a_file_points_to_both_fields()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync(Administrator, "administrator");
        var session = await PageSession.SignInAsync(factory, Administrator);
        var token = await AntiforgeryTokenAsync(session);

        using var response = await session.Client.PostAsync("/imports", new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } }, TestContext.Current.CancellationToken);

        var page = await PageSession.ParseAsync(response);
        Assert.Equal(
            [("#kind-units", "Chọn loại dữ liệu cần nhập"), ("#upload", "Chọn tệp cần nhập")],
            page.QuerySelectorAll(".error-summary li a").Select(a => (a.GetAttribute("href"), PageText.Of(a))));
    }

    [Theory]
    [InlineData("units.csv", "units")]
    [InlineData("units.xlsx", "units")]
    [InlineData("people.csv", "people")]
    [InlineData("people.xlsx", "people")]
    public async Task Each_template_downloads_for_an_administrator_and_reads_back_as_an_import_file(string file, string name)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync(Administrator, "administrator");
        var session = await PageSession.SignInAsync(factory, Administrator);
        var (_, page) = await session.GetAsync("/imports");
        Assert.NotNull(page.QuerySelector($"a[href='/imports/templates?file={file}']"));

        using var response = await session.Client.GetAsync($"/imports/templates?file={file}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(file, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var content = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var read = TabularReader.Read(file, new MemoryStream(content), ["code", name == "units" ? "parent" : "full_name"], ImportSettings.DefaultMaxRows, TestContext.Current.CancellationToken);
        Assert.Single(read.Table!.Rows);
        if (file.EndsWith(".csv", StringComparison.Ordinal))
        {
            Assert.Equal(Encoding.UTF8.GetPreamble(), content[..3]);
        }
    }

    [Fact]
    public async Task Officers_import_their_registers_and_only_administrators_the_organisation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var officer = await PageSession.SignInAsync(factory, WebScenario.TotDongOfficer);
        var anonymous = PageSession.Anonymous(factory);

        foreach (var (session, url) in new[] { (anonymous, "/imports"), (anonymous, "/imports/templates?file=cases.xlsx") })
        {
            using var response = await session.Client.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
            Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery ?? "/Account/Login", StringComparison.Ordinal);
        }

        using var page = await officer.Client.GetAsync("/imports", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var unitsTemplate = await officer.Client.GetAsync("/imports/templates?file=units.csv", TestContext.Current.CancellationToken);
        using var casesTemplate = await officer.Client.GetAsync("/imports/templates?file=cases.csv", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("value=\"cases\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"units\"", html, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (unitsTemplate.StatusCode, casesTemplate.StatusCode));
    }

    [Fact]
    public async Task An_import_is_listed_for_the_account_that_gave_it_and_hidden_from_others()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var administrator = await PageSession.SignInAsync(factory, WebScenario.Administrator);
        var officer = await PageSession.SignInAsync(factory, WebScenario.TotDongOfficer);

        var (_, job) = await PostFileAsync(administrator, "units", "units.csv", ImportTesting.ChuongMyUnits);
        var (_, imports) = await administrator.GetAsync("/imports");
        var link = imports.QuerySelector("#recent + table a")?.GetAttribute("href");

        Assert.NotNull(job.QuerySelector("#import-result"));
        Assert.Equal(["units.csv Đơn vị Đã xong"], imports.QuerySelectorAll("#recent + table tbody tr").Select(r => Truncate(PageText.Of(r), "Đơn vị") + " " + PageText.Of(r.QuerySelector("td:last-child"))));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(link!)).Status);
        Assert.Null((await officer.GetAsync("/imports")).Page.QuerySelector("#recent"));
    }

    [Fact]
    public async Task A_file_with_more_errors_than_are_listed_says_how_many_there_are_and_lists_the_first_thousand()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync(Administrator, "administrator");
        var session = await PageSession.SignInAsync(factory, Administrator);

        var (status, page) = await PostFileAsync(session, "units", "đơn vị.csv",
            string.Join('\n', ["code,name,kind,parent,valid_from,valid_to", .. Enumerable.Range(1, 1_200).Select(i => $"U{i},Đơn vị {i},xyz,,,")]));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("đơn vị.csv: 1.200 lỗi. Không dữ liệu nào được ghi.", PageText.Of(page.QuerySelector("#import-errors")));
        Assert.Contains("Dưới đây liệt kê 1.000 lỗi đầu tiên", PageText.Of(page.QuerySelector(".error-summary")), StringComparison.Ordinal);
        Assert.Equal(ImportErrors.Listed, page.QuerySelectorAll(".error-summary tbody tr").Length);
    }

    private static async Task<(HttpStatusCode Status, IDocument Page)> PostFileAsync(PageSession session, string kind, string fileName, string text)
    {
        var token = await AntiforgeryTokenAsync(session);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
            { file, "Upload", fileName },
        };
        using var response = await session.Client.PostAsync("/imports", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await FinishedJobAsync(session, response.Headers.Location!.OriginalString);
    }

    /// <summary>The job's page once the job has run: it reloads itself until then.</summary>
    private static async Task<(HttpStatusCode Status, IDocument Page)> FinishedJobAsync(PageSession session, string url)
    {
        Assert.Matches("^/imports/[0-9a-f-]{36}$", url);
        for (var attempt = 0; ; attempt++)
        {
            var (status, page) = await session.GetAsync(url);
            if (status != HttpStatusCode.OK || page.QuerySelector("meta[http-equiv=refresh]") is null || attempt == 300)
            {
                return (status, page);
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<string> AntiforgeryTokenAsync(PageSession session)
    {
        var (status, page) = await session.GetAsync("/imports");
        Assert.Equal(HttpStatusCode.OK, status);
        var token = page.QuerySelector("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "the import form carries no antiforgery token");
        return token!;
    }

    private static string Truncate(string text, string after) =>
        text.IndexOf(after, StringComparison.Ordinal) is var at and >= 0 ? text[..(at + after.Length)] : text;
}
