using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Web;

public sealed class PageAccessibilityTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_page_has_one_h1_a_main_landmark_labelled_fields_and_headings_in_order(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        var scenario = await WebScenario.CreateAsync(factory);
        var session = await PageSession.SignInAsync(factory, WebScenario.Administrator);
        var anonymous = PageSession.Anonymous(factory);
        var samples = new Dictionary<string, string> { ["code"] = "10060", ["id"] = scenario.ChairmanId.ToString(), ["name"] = WebScenario.TotDongOfficer, ["noticeId"] = Guid.Empty.ToString(), ["fileId"] = Guid.Empty.ToString() };

        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null || e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => Url(e.RoutePattern, samples))
            .Distinct()
            .ToList();
        Assert.Contains("/units", pages);
        string[] states =
        [
            "/units?asOf=2024-07-19&open=10060-DU", "/units/10060?asOf=2024-07-19", "/units/10072?asOf=2025-08-01", "/units/10060-CB1?asOf=2024-07-19",
            "/units/10060?asOf=not-a-date", "/units/99999", "/search?q=dong", "/search?q=xyz&asOf=2024-07-19", "/no-such-page",
            "/units/10060?asOf=2024-07-19&culture=en-GB",
        ];

        var problems = new List<string>();
        var visited = 0;
        foreach (var url in pages.Concat(states))
        {
            foreach (var (who, client) in new[] { ("administrator", session), ("anonymous", anonymous) })
            {
                using var response = await client.Client.GetAsync(url, TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.Redirect || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                visited++;
                problems.AddRange(PageStructure.Problems($"{url} ({who})", await PageSession.ParseAsync(response)));
            }
        }

        using var failedSignIn = await anonymous.PostLoginAsync(WebScenario.Administrator, "wrong");
        problems.AddRange(PageStructure.Problems("failed sign-in", await PageSession.ParseAsync(failedSignIn)));

        Assert.True(visited >= pages.Count, $"only {visited} HTML pages visited");
        Assert.Empty(problems);
    }

    /// <summary>A page route with its parameters filled in from sample values.</summary>
    private static string Url(RoutePattern pattern, Dictionary<string, string> samples) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter when samples.TryGetValue(parameter.Name, out var value) => value,
            RoutePatternParameterPart { IsOptional: true } => string.Empty,
            _ => throw new InvalidOperationException($"page route '{pattern.RawText}': add a sample value for its parameter {part} to the test"),
        }))).Where(s => s.Length > 0));
}
