using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Web;

public sealed class SignInTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Signing_in_with_the_form_returns_to_the_local_page_asked_for(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var session = PageSession.Anonymous(factory);

        using var before = await session.Client.GetAsync("/units", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.StartsWith("/Account/Login", before.Headers.Location!.PathAndQuery);

        using var signedIn = await session.PostLoginAsync(WebScenario.Administrator, OversightWebFactory.Password, "/search?q=tot");
        Assert.Equal("/search?q=tot", signedIn.Headers.Location!.OriginalString);
        var (status, page) = await session.FollowAsync(signedIn);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(WebScenario.Administrator, PageText.Of(page.QuerySelector("header")));
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_not_followed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);

        using var response = await PageSession.Anonymous(factory).PostLoginAsync(WebScenario.Administrator, OversightWebFactory.Password, "https://example.org/phish");

        Assert.Equal("/units", response.Headers.Location!.OriginalString);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_wrong_password_shows_a_clear_message_and_signs_nobody_in(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var session = PageSession.Anonymous(factory);

        using var response = await session.PostLoginAsync(WebScenario.Administrator, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageSession.ParseAsync(response);
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa (15 phút sau năm lần nhập sai mật khẩu, hoặc do quản trị viên khóa).", PageText.Of(page.QuerySelector(".error-summary li")));
        Assert.StartsWith("Lỗi:", page.Title);
        using var after = await session.Client.GetAsync("/units", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_name_costs_a_password_check_like_a_known_one_and_gets_the_same_answer()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var checks = new CountingHasher();
        await using var web = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<IPasswordHasher<OversightUser>>(checks)));
        var session = new PageSession(web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

        var answers = new List<string>();
        foreach (var userName in new[] { WebScenario.TotDongOfficer, "no-such-account" })
        {
            using var response = await session.PostLoginAsync(userName, "not-the-password");
            answers.Add(PageText.Of((await PageSession.ParseAsync(response)).QuerySelector(".error-summary li")));
        }

        Assert.Equal(2, checks.Verified);
        Assert.Equal(answers[0], answers[1]);
    }

    /// <summary>Identity's hasher, counting the passwords it checks.</summary>
    private sealed class CountingHasher : IPasswordHasher<OversightUser>
    {
        private readonly PasswordHasher<OversightUser> hasher = new();

        public int Verified { get; private set; }

        public string HashPassword(OversightUser user, string password) => hasher.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(OversightUser user, string hashedPassword, string providedPassword)
        {
            Verified++;
            return hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var session = PageSession.Anonymous(factory);

        var messages = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await session.PostLoginAsync(WebScenario.TotDongOfficer, $"wrong-{attempt}");
            messages.Add(PageText.Of((await PageSession.ParseAsync(wrong)).QuerySelector(".error-summary li")));
        }

        using var right = await session.PostLoginAsync(WebScenario.TotDongOfficer, OversightWebFactory.Password);
        using var unknown = await session.PostLoginAsync("no-such-account", OversightWebFactory.Password);

        // The same words for a wrong password, a locked account and an unknown name: none tells which accounts exist.
        const string failed = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa (15 phút sau năm lần nhập sai mật khẩu, hoặc do quản trị viên khóa).";
        Assert.All(messages, m => Assert.Equal(failed, m));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(failed, PageText.Of((await PageSession.ParseAsync(right)).QuerySelector(".error-summary li")));
        Assert.Equal(failed, PageText.Of((await PageSession.ParseAsync(unknown)).QuerySelector(".error-summary li")));
        await using var scope = database.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OversightUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync(WebScenario.TotDongOfficer))!));
    }

    [Fact]
    public async Task Signing_out_needs_the_form_token_and_ends_the_session()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var session = await PageSession.SignInAsync(factory, WebScenario.Administrator);

        using var forged = await session.Client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var (stillIn, units) = await session.GetAsync("/units");
        Assert.Equal(HttpStatusCode.OK, stillIn);

        var token = units.QuerySelector("form.sign-out input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var signOut = await session.Client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
        Assert.Equal("/Account/Login", signOut.Headers.Location!.OriginalString);
        using var after = await session.Client.GetAsync("/units", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    /// <summary>
    /// Signing out on one device ends the account's other sessions too, on every node, within the minute in which
    /// sessions are checked; a disabled account's sessions end the same way, and its tokens stop at once.
    /// </summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Signing_out_or_a_disable_ends_the_accounts_other_sessions_within_a_minute_and_its_tokens_at_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var phone = await PageSession.SignInAsync(factory, WebScenario.Administrator);
        var desk = await PageSession.SignInAsync(factory, WebScenario.Administrator);
        var officerDesk = await PageSession.SignInAsync(factory, WebScenario.TotDongOfficer);
        var api = await factory.CreateApiClientAsync("api.officer", Roles.Officer, "277", new DateOnly(2024, 7, 19));

        var (_, units) = await phone.GetAsync("/units");
        var token = units.QuerySelector("form.sign-out input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var signOut = await phone.Client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
        var (deskAtOnce, _) = await desk.GetAsync("/units");
        await using (var scope = database.SystemScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            Assert.Null(await accounts.DisableAsync(WebScenario.TotDongOfficer));
            Assert.Null(await accounts.DisableAsync("api.officer"));
        }

        using var apiAtOnce = await api.GetAsync("/api/v1/indicators", TestContext.Current.CancellationToken);
        database.Time.Advance(TimeSpan.FromSeconds(61));
        using var deskLater = await desk.Client.GetAsync("/units", TestContext.Current.CancellationToken);
        using var officerLater = await officerDesk.Client.GetAsync("/units", TestContext.Current.CancellationToken);
        using var signInDisabled = await PageSession.Anonymous(factory).PostLoginAsync(WebScenario.TotDongOfficer, OversightWebFactory.Password);

        Assert.Equal(HttpStatusCode.OK, deskAtOnce);
        Assert.Equal(HttpStatusCode.Unauthorized, apiAtOnce.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deskLater.StatusCode);
        Assert.Contains("/Account/Login", deskLater.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, officerLater.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signInDisabled.StatusCode);
        Assert.NotNull((await PageSession.ParseAsync(signInDisabled)).QuerySelector(".error-summary li"));
    }
}
