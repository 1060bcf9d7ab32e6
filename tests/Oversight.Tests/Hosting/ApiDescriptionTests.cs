using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Hosting;

/// <summary>The published description of the API (OpenAPI document and reference page) and the token barrier in front of the API.</summary>
public sealed partial class ApiDescriptionTests
{
    /// <summary>What a path parameter of no particular type is filled with: a unit code.</summary>
    private const string SomeCode = "10072";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_openapi_document_lists_the_units_endpoints()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var web = new OversightWebFactory(database);

        using var document = await OpenApiDocumentAsync(web.CreateClient());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/v1/units/{code}", paths);
        Assert.Contains("/api/v1/units/{code}/children", paths);
        Assert.Contains("/api/v1/units/{code}/lineage", paths);
    }

    [Fact]
    public async Task The_api_reference_page_answers_200_without_signing_in_and_names_its_language()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var web = new OversightWebFactory(database);

        var response = await web.CreateClient().GetAsync("/api/reference", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Oversight API", page);
        Assert.Contains("<html lang=\"en\"", page);
    }

    /// <summary>Every operation the OpenAPI document lists, not just the ones a test knows of, refuses a caller without a valid token.</summary>
    [Fact]
    public async Task Every_api_operation_answers_401_without_a_token_and_with_a_bad_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var web = new OversightWebFactory(database);
        var anonymous = web.CreateClient();
        var forged = web.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccountService.TokenPrefix + new string('A', 43));
        using var document = await OpenApiDocumentAsync(anonymous);
        var operations = ApiOperations(document.RootElement).ToList();

        Assert.NotEmpty(operations);
        foreach (var (method, path) in operations)
        {
            foreach (var (client, who) in new[] { (anonymous, "without a token"), (forged, "with a bad token") })
            {
                using var request = new HttpRequestMessage(method, path);
                using var response = await client.SendAsync(request, Cancel);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} {who} answered {(int)response.StatusCode}, not 401");
            }
        }
    }

    private static async Task<JsonDocument> OpenApiDocumentAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/openapi/v1.json", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
    }

    /// <summary>Each operation under <c>/api/v1</c>, with its path parameters filled in with values of their type.</summary>
    private static IEnumerable<(HttpMethod Method, string Path)> ApiOperations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => HttpMethods.Contains(o.Name)))
            {
                var parameters = PathParameters(path.Value).Concat(PathParameters(operation.Value)).ToDictionary(p => p.Name, p => p.Example);
                yield return (new HttpMethod(operation.Name.ToUpperInvariant()), PathParameter().Replace(path.Name, m => parameters.GetValueOrDefault(m.Groups[1].Value, SomeCode)));
            }
        }
    }

    private static IEnumerable<(string Name, string Example)> PathParameters(JsonElement owner) =>
        owner.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray()
                .Where(p => p.TryGetProperty("in", out var place) && place.GetString() == "path")
                .Select(p => (p.GetProperty("name").GetString()!, ExampleOf(p.TryGetProperty("schema", out var schema) ? schema : default)))
            : [];

    private static string ExampleOf(JsonElement schema) =>
        (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString() : null) switch
        {
            "uuid" => "0197a5d2-0000-7000-8000-000000000001",
            "date" => "2025-07-01",
            "int32" or "int64" => "1",
            _ => SomeCode,
        };

    private static readonly HashSet<string> HttpMethods = ["get", "put", "post", "delete", "patch"];

    [GeneratedRegex(@"\{([^}:]+)[^}]*\}")]
    private static partial Regex PathParameter();
}
