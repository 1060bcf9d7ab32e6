using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Oversight.Data;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Web;

public sealed class LanguageSwitchTests
{
    [Fact]
    public async Task The_switch_returns_to_the_page_asked_for_without_culture_parameters_and_never_off_site()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var session = await PageSession.SignInAsync(factory, WebScenario.Administrator);

        var (_, english) = await session.GetAsync("/units?asOf=2024-07-19&culture=en-GB");
        var (missing, notFound) = await session.GetAsync("/no-such-page?x=1");
        using var offSite = await session.Client.GetAsync("/language?culture=en-GB&returnUrl=https%3A%2F%2Fexample.org%2F", TestContext.Current.CancellationToken);

        Assert.Equal("/units?asOf=2024-07-19", ReturnUrlOf(english, "vi"));
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("Không tìm thấy trang", PageText.Of(notFound.QuerySelector("h1")));
        Assert.Equal("/no-such-page?x=1", ReturnUrlOf(notFound, "en"));
        Assert.Equal("/", offSite.Headers.Location!.OriginalString);
    }

    private static string? ReturnUrlOf(AngleSharp.Dom.IDocument page, string language)
    {
        var href = page.QuerySelector($".language-switch a[lang={language}]")!.GetAttribute("href")!;
        return QueryHelpers.ParseQuery(new Uri("http://localhost" + href).Query)["returnUrl"];
    }
}
