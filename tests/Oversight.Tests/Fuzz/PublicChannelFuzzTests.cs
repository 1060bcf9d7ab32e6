using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Fuzz;

/// <summary>
/// The public channel, fed mutations of a valid submission with a fixed seed: every answer is 201, 400 or 413, never
/// a server error, and exactly one case is kept per 201 (a refused submission writes nothing).
/// </summary>
public sealed class PublicChannelFuzzTests
{
    public const int Seed = 20261205;
    public const int Inputs = 3000;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Mutated_submissions_never_fail_the_server_and_leave_only_the_accepted_ones(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var factory = new OversightWebFactory(database);
        await using var web = factory.WithWebHostBuilder(builder => builder.UseSetting("Public:Submissions:PermitLimit", "100000"));
        var client = web.CreateClient();
        var valid = Encoding.UTF8.GetBytes("""
            {"kind":"petition","unit":"10072","subject":"Đường liên thôn xuống cấp","content":"Đường liên thôn Đồng Vai xuống cấp, đề nghị xã sửa chữa.","petitioner":{"name":"Trần Thị Mận","address":"Thôn Đồng Vai","phone":"0987 654 321"}}
            """);

        var answers = new Dictionary<HttpStatusCode, int>();
        var failures = new List<string>();
        var index = 0;
        foreach (var (mutation, body) in new Mutations(Seed).Of(valid, Inputs))
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("/public/petitions", content, Cancel);
            answers[response.StatusCode] = answers.GetValueOrDefault(response.StatusCode) + 1;
            // 200: the same petition as one accepted a moment ago, which is not stored again.
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge))
            {
                failures.Add($"input {index} ({mutation}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
            }

            index++;
        }

        await using var scope = database.SystemScope();
        var kept = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Cases.CountAsync(Cancel);
        Assert.Empty(failures);
        Assert.Equal(answers.GetValueOrDefault(HttpStatusCode.Created), kept);
        Assert.True(answers.GetValueOrDefault(HttpStatusCode.BadRequest) > Inputs / 2, string.Join(", ", answers.Select(a => $"{a.Key}: {a.Value}")));
        TestContext.Current.SendDiagnosticMessage($"public channel fuzz, seed {Seed}: {string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{(int)a.Key}: {a.Value}"))}");
    }
}
