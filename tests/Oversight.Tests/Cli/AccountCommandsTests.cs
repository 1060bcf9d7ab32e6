using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Tests.Hosting;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Cli;

public sealed class AccountCommandsTests
{
    private const string Password = OversightWebFactory.Password;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Users_add_creates_an_account_with_the_password_read_from_standard_input(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await AppProcess.RunAsync(AppProcess.Cli, [.. database.SettingsArgs, "users", "add", "ana", "--role", "administrator"], Password + "\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Added administrator 'ana'.", result.Output.Trim());
        await using var scope = database.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OversightUser>>();
        var ana = await users.FindByNameAsync("ana");
        Assert.NotNull(ana);
        Assert.True(await users.CheckPasswordAsync(ana, Password));
        Assert.Equal([Roles.Administrator], await users.GetRolesAsync(ana));
        Assert.Null(ana.ScopeUnitId);
    }

    /// <summary>Code 10072 was Xã Hợp Đồng's until 30 Jun 2025 and is Xã Quảng Bị's since: the date decides which unit is meant.</summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Users_add_scopes_an_account_to_the_unit_that_carried_the_code_on_the_date_given(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);

        var result = await AppProcess.RunAsync(AppProcess.Cli,
            [.. database.SettingsArgs, "users", "add", "binh", "--role", "officer", "--unit", "10072", "--as-of", "2024-07-19"], Password + "\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var binh = await db.Users.SingleAsync(u => u.UserName == "binh", Cancel);
        var hopDong = await db.Units.SingleAsync(u => u.Code == "10072" && u.ValidTo == TestUnits.LastDayOfDistricts, Cancel);
        Assert.Equal(hopDong.Id, binh.ScopeUnitId);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Tokens_create_prints_the_token_alone_stores_only_its_hash_and_the_token_opens_the_api(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        await web.AddUserAsync("ana", Roles.Administrator);

        var result = await AppProcess.RunAsync(AppProcess.Cli, [.. database.SettingsArgs, "tokens", "create", "--user", "ana"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var token = result.Output.TrimEnd('\n');
        Assert.StartsWith(AccountService.TokenPrefix, token);
        Assert.DoesNotContain('\n', token);
        await using (var scope = database.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            var stored = await db.PersonalAccessTokens.SingleAsync(Cancel);
            Assert.Equal(AccountService.HashToken(token), stored.TokenHash);
            Assert.NotEqual(token, stored.TokenHash);
        }

        var client = web.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/units/277?asOf=2024-07-19", Cancel)).StatusCode);
    }

    /// <summary>A refused command says why on standard error, prints nothing on standard output and changes nothing.</summary>
    [Theory]
    [InlineData("role 'boss' is not one of", Password, "users", "add", "xuan", "--role", "boss")]
    [InlineData("a officer account needs a unit", Password, "users", "add", "xuan", "--role", "officer")]
    [InlineData("no unit has code '99999' on 2024-07-19", Password, "users", "add", "xuan", "--role", "officer", "--unit", "99999", "--as-of", "2024-07-19")]
    [InlineData("--as-of '19/07/2024' is not a date in the form YYYY-MM-DD", Password, "users", "add", "xuan", "--role", "officer", "--unit", "10072", "--as-of", "19/07/2024")]
    [InlineData("no password on standard input", null, "users", "add", "xuan", "--role", "administrator")]
    [InlineData("at least 12 characters", "short", "users", "add", "xuan", "--role", "administrator")]
    [InlineData("NAME is required", Password, "users", "add", "--role", "administrator")]
    [InlineData("user 'xuan' does not exist", null, "tokens", "create", "--user", "xuan")]
    [InlineData("--user is required", null, "tokens", "create")]
    public async Task A_refused_command_exits_1_with_the_reason_on_stderr_and_changes_nothing(string reason, string? input, params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TestUnits.AddChuongMyFragmentAsync(database);
        long auditEntriesBefore;
        await using (var scope = database.SystemScope())
        {
            auditEntriesBefore = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries.LongCountAsync(Cancel);
        }

        var result = await AppProcess.RunAsync(AppProcess.Cli, [.. database.SettingsArgs, .. args], input is null ? null : input + "\n");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(reason, result.Error);
        Assert.Empty(result.Output);
        await using (var scope = database.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            Assert.Equal(0, await db.Users.CountAsync(Cancel));
            Assert.Equal(0, await db.PersonalAccessTokens.CountAsync(Cancel));
            Assert.Equal(auditEntriesBefore, await db.AuditEntries.LongCountAsync(Cancel));
        }
    }
}
