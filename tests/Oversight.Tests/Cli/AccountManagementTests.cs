using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Cli;
using Oversight.Data;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Cli;

/// <summary>Tokens that expire and can be listed and revoked; accounts that can be listed, disabled, changed and given a new password.</summary>
public sealed class AccountManagementTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, string? input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await OversightCli.RunAsync([.. args, .. database.SettingsArgs], new StringReader(input ?? ""), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Tokens_expire_are_listed_without_the_token_and_are_revoked_one_or_all(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        await web.AddUserAsync("ana", Roles.Officer, "277", new DateOnly(2024, 7, 19));

        var longLived = await RunAsync(database, null, "tokens", "create", "--user", "ana", "--name", "reports", "--expires", "2099-12-31");
        var usual = await RunAsync(database, null, "tokens", "create", "--user", "ana");
        var past = await RunAsync(database, null, "tokens", "create", "--user", "ana", "--expires", "2020-01-01");
        HttpClient Client(string token)
        {
            var client = web.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
            return client;
        }

        using var first = Client(longLived.Output);
        using var second = Client(usual.Output);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/indicators", Cancel)).StatusCode);
        await using (var scope = database.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            for (var wait = 0; wait < 50 && !await db.PersonalAccessTokens.AnyAsync(t => t.LastUsedAt != null, Cancel); wait++)
            {
                await Task.Delay(100, Cancel);
            }
        }

        var listed = await RunAsync(database, null, "tokens", "list", "--user", "ana");
        var lines = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var reportsLine = Assert.Single(lines, l => l.Split('\t')[1] == "reports").Split('\t');
        var revokeOne = await RunAsync(database, null, "tokens", "revoke", reportsLine[0]);
        var firstAfter = await first.GetAsync("/api/v1/indicators", Cancel);
        var secondAfter = await second.GetAsync("/api/v1/indicators", Cancel);
        var revokeAll = await RunAsync(database, null, "tokens", "revoke", "--user", "ana");
        var secondAtLast = await second.GetAsync("/api/v1/indicators", Cancel);
        var relisted = await RunAsync(database, null, "tokens", "list", "--user", "ana");

        Assert.Equal(0, longLived.ExitCode);
        Assert.StartsWith(AccountService.TokenPrefix, longLived.Output);
        Assert.Equal(1, past.ExitCode);
        Assert.Contains("before today", past.Error);
        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain(longLived.Output.Trim(), listed.Output);
        Assert.DoesNotContain(usual.Output.Trim(), listed.Output);
        Assert.Equal("2099-12-31", reportsLine[3]);
        Assert.NotEqual("", reportsLine[4]);
        var usualLine = Assert.Single(lines, l => l.Split('\t')[1] == "cli").Split('\t');
        Assert.Equal(Oversight.Organisation.VietnamTime.Today(TimeProvider.System).AddDays(AccountService.DefaultTokenDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), usualLine[3]);
        Assert.Equal(0, revokeOne.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, firstAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondAfter.StatusCode);
        Assert.Contains("Revoked 1 token(s)", revokeAll.Output);
        Assert.Equal(HttpStatusCode.Unauthorized, secondAtLast.StatusCode);
        Assert.All(relisted.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("revoked ", l.Split('\t')[5]));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accounts_are_listed_disabled_enabled_given_another_role_and_unit_and_a_new_password(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        await web.AddUserAsync("binh", Roles.Officer, "10060", new DateOnly(2024, 7, 19));
        await web.AddUserAsync("admin", Roles.Administrator);

        var disable = await RunAsync(database, null, "users", "disable", "binh");
        var listedDisabled = await RunAsync(database, null, "users", "list");
        var enable = await RunAsync(database, null, "users", "enable", "binh");
        var setRole = await RunAsync(database, null, "users", "set-role", "binh", "leader");
        var badRole = await RunAsync(database, null, "users", "set-role", "binh", "mayor");
        var setUnit = await RunAsync(database, null, "users", "set-unit", "binh", "--unit", "277", "--as-of", "2024-07-19");
        var common = await RunAsync(database, "Password2024!\n", "users", "reset-password", "binh");
        var shortOne = await RunAsync(database, "Ngắn-1\n", "users", "reset-password", "binh");
        var reset = await RunAsync(database, "Đồng lúa Quảng Bị mùa gặt\n", "users", "reset-password", "binh");
        var unknown = await RunAsync(database, null, "users", "disable", "nobody");
        var listed = await RunAsync(database, null, "users", "list");

        Assert.Equal(0, disable.ExitCode);
        Assert.Contains("binh\tofficer\t10060\t", listedDisabled.Output);
        Assert.Contains("\tdisabled\t", listedDisabled.Output.Split('\n').Single(l => l.StartsWith("binh\t")));
        Assert.Equal(0, enable.ExitCode);
        Assert.Equal(0, setRole.ExitCode);
        Assert.Equal(1, badRole.ExitCode);
        Assert.Contains("'mayor' is not one of", badRole.Error);
        Assert.Equal(0, setUnit.ExitCode);
        Assert.Equal(1, common.ExitCode);
        Assert.Contains("most common passwords", common.Error);
        Assert.Equal(1, shortOne.ExitCode);
        Assert.Contains("12", shortOne.Error);
        Assert.Equal(0, reset.ExitCode);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("user 'nobody' does not exist", unknown.Error);
        var binhLine = listed.Output.Split('\n').Single(l => l.StartsWith("binh\t")).Split('\t');
        Assert.Equal(["binh", "leader", "277", "Huyện Chương Mỹ", "enabled"], binhLine[..5]);
        Assert.StartsWith("admin\tadministrator\t\t\tenabled", listed.Output.Split('\n').Single(l => l.StartsWith("admin\t")));
        await using var scope = database.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OversightUser>>();
        var binh = (await users.FindByNameAsync("binh"))!;
        Assert.True(await users.CheckPasswordAsync(binh, "Đồng lúa Quảng Bị mùa gặt"));
        Assert.False(await users.CheckPasswordAsync(binh, OversightWebFactory.Password));
        Assert.Equal([Roles.Leader], await users.GetRolesAsync(binh));
    }
}
