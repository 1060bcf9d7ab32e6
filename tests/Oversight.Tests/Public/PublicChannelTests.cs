using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;

namespace Oversight.Tests.Public;

public sealed class PublicChannelTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object Petition(string kind = "petition", string unit = "10072", string content = "Đường liên thôn Đồng Vai xuống cấp, đề nghị xã sửa chữa.") => new
    {
        kind,
        unit,
        subject = "Đường liên thôn xuống cấp",
        content,
        petitioner = new { name = "Trần Thị Mận", address = "Thôn Đồng Vai", phone = "0987 654 321" },
    };

    /// <summary>The web host with public-channel settings for one test (limits loose unless a test tightens them).</summary>
    private static WebApplicationFactory<Program> Web(OversightWebFactory factory, params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Public:Submissions:PermitLimit", "1000");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    private static async Task<int> CaseCountAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Cases.CountAsync(Cancel);
    }

    private static async Task<JsonElement> StatusAsync(HttpClient client, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/public/petitions/{code}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_submission_gets_a_tracking_code_whose_status_page_shows_public_answers_and_never_internal_notes_or_the_petitioner(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var factory = new OversightWebFactory(database);
        await using var web = Web(factory);
        var client = web.CreateClient();

        using var submitted = await client.PostAsJsonAsync("/public/petitions", Petition(), Cancel);
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("trackingCode").GetString()!;
        var received = await StatusAsync(client, code);
        await using (var scope = database.SystemScope("officer"))
        {
            var workflow = scope.ServiceProvider.GetRequiredService<CaseWorkflow>();
            var id = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Cases.Where(c => c.TrackingCode == code).Select(c => c.Id).SingleAsync(Cancel);
            Assert.True((await workflow.NoteAsync(id, "Nội bộ: chờ phòng Kinh tế khảo sát", isPublic: false, cancellationToken: Cancel)).Succeeded);
            Assert.True((await workflow.NoteAsync(id, "Xã đã đưa tuyến đường vào kế hoạch sửa chữa quý I/2027.", isPublic: true, cancellationToken: Cancel)).Succeeded);
        }

        var answered = await StatusAsync(client, code);
        var (status, page) = await PageSession.Anonymous(factory).GetAsync($"/public/petitions/{code.ToLowerInvariant()}");
        var pageText = PageText.MainText(page);
        await using var audit = database.SystemScope();
        var actors = await audit.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries.Where(e => e.EntityType == nameof(CitizenCase)).Select(e => e.Actor).ToListAsync(Cancel);

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal($"/public/petitions/{code}", submitted.Headers.Location?.OriginalString);
        Assert.Matches("^[A-Z0-9]{10}$", code);
        Assert.Equal("received", received.GetProperty("status").GetString());
        Assert.Equal("2026-11-25", received.GetProperty("receivedOn").GetString());
        Assert.Equal("10072", received.GetProperty("unit").GetString());
        Assert.Equal("Xã Quảng Bị", received.GetProperty("unitName").GetString());
        Assert.Equal(["received", "answered"], answered.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Xã đã đưa tuyến đường vào kế hoạch sửa chữa quý I/2027.", pageText);
        Assert.Contains("Đã tiếp nhận", pageText);
        foreach (var secret in new[] { "Nội bộ", "Trần Thị Mận", "0987 654 321", "Thôn Đồng Vai", "officer" })
        {
            Assert.DoesNotContain(secret, pageText);
            Assert.DoesNotContain(secret, answered.GetRawText());
        }

        Assert.Contains(PublicChannel.ActorName, actors);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invalid_input_answers_400_naming_every_field_and_stores_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var factory = new OversightWebFactory(database);
        await using var web = Web(factory);
        var client = web.CreateClient();

        using var response = await client.PostAsJsonAsync("/public/petitions", new { kind = "petition", unit = "99999", subject = " ", content = "Nội dung", petitioner = new { name = "", phone = "gọi tôi" } }, Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        using var notJson = await client.PostAsync("/public/petitions", new StringContent("{\"kind\": ", System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["petitioner.name", "petitioner.phone", "subject", "unit"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(0, await CaseCountAsync(database));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Denunciations_second_complaints_and_units_above_the_commune_are_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var factory = new OversightWebFactory(database);
        await using var web = Web(factory);
        var client = web.CreateClient();

        using var denunciation = await client.PostAsJsonAsync("/public/petitions", Petition("denunciation"), Cancel);
        using var secondComplaint = await client.PostAsJsonAsync("/public/petitions", Petition("second-complaint"), Cancel);
        using var province = await client.PostAsJsonAsync("/public/petitions", Petition("complaint", unit: "01"), Cancel);
        var denunciationErrors = (await denunciation.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        var provinceErrors = (await province.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, denunciation.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, secondComplaint.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, province.StatusCode);
        Assert.Equal(["kind"], denunciationErrors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("petition, complaint", denunciationErrors.GetProperty("kind")[0].GetString());
        Assert.Equal(["unit"], provinceErrors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, await CaseCountAsync(database));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_body_over_the_limit_answers_413_and_stores_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var factory = new OversightWebFactory(database);
        await using var web = Web(factory, ("Public:MaxBodyBytes", "2048"));
        var client = web.CreateClient();

        using var small = await client.PostAsJsonAsync("/public/petitions", Petition(), Cancel);
        using var large = await client.PostAsJsonAsync("/public/petitions", Petition(content: new string('x', 3000)), Cancel);

        Assert.Equal(HttpStatusCode.Created, small.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(1, await CaseCountAsync(database));
    }

    [Fact]
    public async Task A_body_over_the_limit_sent_without_its_length_answers_413_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TestUnits.AddChuongMyFragmentAsync(database);
        // On a real server: the test server sends every body with its length.
        await using var factory = new OversightWebFactory(database);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        using var content = new UnsizedContent(JsonSerializer.SerializeToUtf8Bytes(Petition(content: new string('a', 70_000))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/public/petitions", content, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // Answered when reading the body failed at the limit, not from a Content-Length it does not have.
        Assert.Equal(ReasonPhrases.GetReasonPhrase(413), (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("title").GetString());
        Assert.Equal(0, await CaseCountAsync(database));
    }

    [Fact]
    public async Task Control_and_direction_characters_are_refused_and_zero_width_text_is_empty()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var factory = new OversightWebFactory(database);
        await using var web = Web(factory);
        var client = web.CreateClient();

        using var response = await client.PostAsJsonAsync("/public/petitions", new
        {
            kind = "petition",
            unit = "10072",
            subject = "Đường \u202Egnal\u202C xuống cấp",
            content = "Nội dung\u0000 phản ánh\u001B[31m",
            petitioner = new { name = "\u200B \u200B", address = "Thôn Đồng Vai\tXóm 2" },
        }, Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.Contains("U+202E", errors.GetProperty("subject")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("U+0000", errors.GetProperty("content")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("empty", errors.GetProperty("petitioner.name")[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("petitioner.address", out _));
        Assert.Equal(0, await CaseCountAsync(database));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submissions_beyond_the_limit_from_one_client_answer_429_and_store_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var factory = new OversightWebFactory(database);
        await using var web = Web(factory, ("Public:Submissions:PermitLimit", "2"), ("Public:Lookups:PermitLimit", "3"));
        var client = web.CreateClient();

        var submissions = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsJsonAsync("/public/petitions", Petition(content: $"Đường liên thôn Đồng Vai xuống cấp ({i + 1})."), Cancel);
            submissions.Add(response.StatusCode);
        }

        var lookups = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("/public/petitions/AAAAAAAAAA", Cancel);
            lookups.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], submissions);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], lookups);
        Assert.Equal(2, await CaseCountAsync(database));
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("127.0.0.1", "192.0.2.7", false)]
    [InlineData(null, "127.0.0.1", false)]
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_limit_and_anyone_else_cannot_name_one(string? knownProxies, string peer, bool forwarded)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var factory = new OversightWebFactory(database);
        var settings = new List<(string, string)> { ("Public:Submissions:PermitLimit", "1") };
        if (knownProxies is not null)
        {
            settings.Add(("ForwardedHeaders:KnownProxies", knownProxies));
        }

        await using var web = Web(factory, [.. settings])
            .WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ConnectionFrom(IPAddress.Parse(peer)))));
        var client = web.CreateClient();

        async Task<HttpStatusCode> SubmitAsync(string clientAddress)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/public/petitions") { Content = JsonContent.Create(Petition(content: $"Đường liên thôn Đồng Vai xuống cấp, báo từ {clientAddress}.")) };
            request.Headers.Add("X-Forwarded-For", clientAddress);
            using var response = await client.SendAsync(request, Cancel);
            return response.StatusCode;
        }

        var first = await SubmitAsync("203.0.113.1");
        var again = await SubmitAsync("203.0.113.1");
        var another = await SubmitAsync("203.0.113.2");

        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, again);
        Assert.Equal(forwarded ? HttpStatusCode.Created : HttpStatusCode.TooManyRequests, another);
    }

    /// <summary>A body sent without its length, as a chunked request is.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>The test server has no connections: gives every request the address of the peer it came from.</summary>
    private sealed class ConnectionFrom(IPAddress peer) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = peer;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unknown_or_malformed_code_is_the_same_404(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        var client = factory.CreateClient();

        using var unknown = await client.GetAsync("/public/petitions/ABCDEFGHJK", Cancel);
        using var malformed = await client.GetAsync("/public/petitions/abc%21%3B--", Cancel);
        using var json = new HttpRequestMessage(HttpMethod.Get, "/public/petitions/ABCDEFGHJK");
        json.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var unknownJson = await client.SendAsync(json, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownJson.StatusCode);
        Assert.Equal("application/problem+json", unknownJson.Content.Headers.ContentType?.MediaType);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_form_finds_a_unit_without_diacritics_or_by_a_former_name_sends_the_citizen_to_the_tracking_code_and_stores_a_petition_sent_twice_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var factory = new OversightWebFactory(database);
        await using var web = Web(factory);
        var session = new PageSession(web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

        var (_, form) = await session.GetAsync("/public/petitions/new");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        MultipartFormDataContent Fields(params (string Name, string Value)[] fields)
        {
            var content = new MultipartFormDataContent();
            foreach (var (name, value) in fields.Append(("__RequestVerificationToken", token)))
            {
                content.Add(new StringContent(value), name);
            }

            return content;
        }

        using var search = await session.Client.PostAsync("/public/petitions/new?handler=Search", Fields(("UnitSearch", "quang bi"), ("Subject", "Đèn đường hỏng")), Cancel);
        var searched = await PageSession.ParseAsync(search);
        using var formerSearch = await session.Client.PostAsync("/public/petitions/new?handler=Search", Fields(("UnitSearch", "tot dong")), Cancel);
        var former = await PageSession.ParseAsync(formerSearch);
        using var invalid = await session.Client.PostAsync("/public/petitions", Fields(("Kind", "petition"), ("Unit", "10072"), ("Subject", "Đèn đường hỏng")), Cancel);
        var invalidPage = await PageSession.ParseAsync(invalid);
        var countAfterInvalid = await CaseCountAsync(database);
        (string, string)[] petition = [("Kind", "petition"), ("Unit", "10072"), ("Subject", "Đèn đường hỏng"), ("Content", "Đèn đường thôn Đồng Vai hỏng đã hai tuần."), ("Name", "Lê Văn Sơn")];
        using var valid = await session.Client.PostAsync("/public/petitions", Fields(petition), Cancel);
        var (_, confirmation) = await session.GetAsync(valid.Headers.Location!.OriginalString);
        var code = PageText.Of(confirmation.QuerySelector(".tracking-code"));
        using var again = await session.Client.PostAsync("/public/petitions", Fields(petition), Cancel);
        var (_, repeated) = await session.GetAsync(again.Headers.Location!.OriginalString);
        using var withoutToken = await web.CreateClient().PostAsync("/public/petitions", new FormUrlEncodedContent([new("Kind", "petition")]), Cancel);

        Assert.Equal("Xã Quảng Bị (10072) – Thành phố Hà Nội", PageText.Of(searched.QuerySelector("select#unit option")));
        Assert.Equal("Đèn đường hỏng", searched.QuerySelector("input#subject")?.GetAttribute("value"));
        Assert.Equal("Xã Quảng Bị (10072) – Thành phố Hà Nội – gồm cả Xã Tốt Động từ 01/07/2025", PageText.Of(Assert.Single(former.QuerySelectorAll("select#unit option"))));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.NotNull(invalidPage.QuerySelector(".error-summary a[href='#content']"));
        Assert.NotNull(invalidPage.QuerySelector(".error-summary a[href='#name']"));
        Assert.Equal(0, countAfterInvalid);
        Assert.Equal(HttpStatusCode.SeeOther, valid.StatusCode);
        Assert.Matches("^[A-Z0-9]{10}$", code);
        Assert.Equal($"/public/petitions/{code}?received=new", valid.Headers.Location!.OriginalString);
        Assert.NotNull(confirmation.QuerySelector(".confirmation[role=status]"));
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Equal($"/public/petitions/{code}?received=again", again.Headers.Location!.OriginalString);
        Assert.Contains("chỉ lưu một lần", PageText.Of(repeated.QuerySelector(".confirmation")));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(1, await CaseCountAsync(database));
    }

    [Fact]
    public void Every_status_step_and_kind_the_status_page_shows_has_a_name_in_both_languages()
    {
        var needed = Enum.GetValues<CaseStatus>().Select(s => $"Public.Status.{Oversight.Text.WireNames<CaseStatus>.ToWire(s)}")
            .Concat(Enum.GetValues<CaseAction>().Select(a => $"Public.Action.{Oversight.Text.WireNames<CaseAction>.ToWire(a)}"))
            .Concat(PublicChannel.Kinds.Select(k => $"Public.Kind.{k}"));
        foreach (var language in new[] { "vi", "en" })
        {
            var keys = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Oversight.Web", "Resources", "Localization", $"Strings.{language}.resx"))
                .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
            Assert.DoesNotContain(needed, k => !keys.Contains(k));
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Oversight.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Oversight.slnx not found above the test's directory");
    }
}
