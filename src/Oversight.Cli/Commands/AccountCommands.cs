using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Organisation;

namespace Oversight.Cli.Commands;

public static class AccountCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new(["users", "add"], "users add NAME --role administrator|inspector|leader|officer [--unit CODE] [--as-of YYYY-MM-DD] [--display-name TEXT] [--email ADDRESS]",
            "Adds an account; reads its password from standard input (at least 12 characters, not a common password). Every role but "
            + "administrator needs a unit, whose subtree the account sees. The e-mail address receives the daily digest.",
            AddUserAsync),
        new(["users", "list"], "users list",
            "Lists every account, tab-separated: name, role, unit code and name, enabled or disabled, display name, e-mail address.",
            ListUsersAsync),
        new(["users", "disable"], "users disable NAME",
            "Disables an account: it cannot sign in, its tokens stop at once and its sessions end on every node within a minute.",
            context => ChangeUserAsync(context, (accounts, name) => accounts.DisableAsync(name), "Disabled")),
        new(["users", "enable"], "users enable NAME",
            "Enables a disabled (or locked-out) account again.",
            context => ChangeUserAsync(context, (accounts, name) => accounts.EnableAsync(name), "Enabled")),
        new(["users", "set-role"], "users set-role NAME administrator|inspector|leader|officer",
            "Gives the account that role instead of the one it has.",
            context => ChangeUserAsync(context, (accounts, name) => accounts.SetRoleAsync(name, context.Invocation.Argument(2, 1, "ROLE")), "Changed the role of")),
        new(["users", "set-unit"], "users set-unit NAME --unit CODE [--as-of YYYY-MM-DD]",
            "Scopes the account to another unit's subtree.",
            context => ChangeUserAsync(context, (accounts, name) => accounts.SetUnitAsync(name, context.Invocation.RequiredOption("unit"), context.Invocation.DateOption("as-of")), "Changed the unit of")),
        new(["users", "set-email"], "users set-email NAME ADDRESS|none",
            "Sets the address the account's daily digest is e-mailed to, or removes it (none); the account's sessions end.",
            context => ChangeUserAsync(context, (accounts, name) => accounts.SetEmailAsync(name, EmailArgument(context.Invocation.Argument(2, 1, "ADDRESS"))), "Changed the e-mail address of")),
        new(["users", "reset-password"], "users reset-password NAME",
            "Sets a new password, read from standard input (at least 12 characters, not a common password); the account's sessions end.",
            ResetPasswordAsync),
        new(["tokens", "create"], "tokens create --user NAME [--name TEXT] [--expires YYYY-MM-DD]",
            $"Creates a personal access token for the API and prints it alone; it is shown once and only its hash is stored. It works "
            + $"until the end of the expiry day (Vietnam time), by default {AccountService.DefaultTokenDays} days from today.",
            CreateTokenAsync),
        new(["tokens", "list"], "tokens list --user NAME",
            "Lists a user's tokens, tab-separated: id, name, created, last day valid, last used (to the hour), revoked; never the token itself.",
            ListTokensAsync),
        new(["tokens", "revoke"], "tokens revoke ID | tokens revoke --user NAME",
            "Revokes one token by its id, or every token of a user; a revoked token stops at its next use.",
            RevokeTokensAsync),
    ];

    private static async Task<int> AddUserAsync(CommandContext context)
    {
        var invocation = context.Invocation;
        var name = invocation.Argument(2, 0, "NAME");
        var role = invocation.RequiredOption("role");
        var password = await PasswordAsync(context);
        var accounts = context.Services.GetRequiredService<AccountService>();
        var email = invocation.Option("email");
        if (email is not null && !AccountService.IsEmailAddress(email))
        {
            throw new CommandException($"--email '{email}' is not an e-mail address");
        }

        var error = await accounts.AddUserAsync(name, role, invocation.Option("unit"), invocation.DateOption("as-of"), password, invocation.Option("display-name"))
            ?? (email is null ? null : await accounts.SetEmailAsync(name, email));
        if (error is not null)
        {
            throw new CommandException(error.Message);
        }

        await context.Output.WriteLineAsync($"Added {role} '{name}'.");
        return 0;
    }

    private static async Task<int> ListUsersAsync(CommandContext context)
    {
        foreach (var account in await context.Services.GetRequiredService<AccountService>().ListUsersAsync())
        {
            await context.Output.WriteLineAsync(string.Join('\t',
                account.UserName, account.Role, account.Unit?.Code ?? "", account.Unit?.Name ?? "", account.Disabled ? "disabled" : "enabled", account.DisplayName ?? "", account.Email ?? ""));
        }

        return 0;
    }

    private static async Task<int> ChangeUserAsync(CommandContext context, Func<AccountService, string, Task<AccountError?>> change, string done)
    {
        var name = context.Invocation.Argument(2, 0, "NAME");
        if (await change(context.Services.GetRequiredService<AccountService>(), name) is { } error)
        {
            throw new CommandException(error.Message);
        }

        await context.Output.WriteLineAsync($"{done} '{name}'.");
        return 0;
    }

    private static string? EmailArgument(string address) => address.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : address;

    private static async Task<int> ResetPasswordAsync(CommandContext context)
    {
        var password = await PasswordAsync(context);
        return await ChangeUserAsync(context, (accounts, name) => accounts.ResetPasswordAsync(name, password), "Set a new password for");
    }

    private static async Task<int> CreateTokenAsync(CommandContext context)
    {
        var invocation = context.Invocation;
        var accounts = context.Services.GetRequiredService<AccountService>();
        var (token, error) = await accounts.CreateTokenAsync(invocation.RequiredOption("user"), invocation.Option("name") ?? "cli", invocation.DateOption("expires"));
        if (error is not null)
        {
            throw new CommandException(error.Message);
        }

        await context.Output.WriteLineAsync(token);
        return 0;
    }

    private static async Task<int> ListTokensAsync(CommandContext context)
    {
        var (tokens, error) = await context.Services.GetRequiredService<AccountService>().ListTokensAsync(context.Invocation.RequiredOption("user"));
        if (error is not null)
        {
            throw new CommandException(error.Message);
        }

        foreach (var token in tokens)
        {
            await context.Output.WriteLineAsync(string.Join('\t',
                token.Id, token.Name, Moment(token.CreatedAt), LastDay(token.ExpiresAt), Moment(token.LastUsedAt), token.RevokedAt is { } revoked ? "revoked " + Moment(revoked) : ""));
        }

        return 0;
    }

    private static async Task<int> RevokeTokensAsync(CommandContext context)
    {
        var invocation = context.Invocation;
        var accounts = context.Services.GetRequiredService<AccountService>();
        if (invocation.Option("user") is { } user)
        {
            var (revoked, error) = await accounts.RevokeTokensAsync(user);
            if (error is not null)
            {
                throw new CommandException(error.Message);
            }

            await context.Output.WriteLineAsync($"Revoked {revoked} token(s) of '{user}'.");
            return 0;
        }

        var idText = invocation.Argument(2, 0, "ID");
        if (!Guid.TryParse(idText, out var id))
        {
            throw new CommandException($"'{idText}' is not a token id (as 'tokens list' prints it)");
        }

        if (await accounts.RevokeTokenAsync(id) is { } notFound)
        {
            throw new CommandException(notFound.Message);
        }

        await context.Output.WriteLineAsync($"Revoked token {id}.");
        return 0;
    }

    private static async Task<string> PasswordAsync(CommandContext context)
    {
        var password = (await context.Input.ReadLineAsync())?.TrimEnd('\r', '\n');
        return string.IsNullOrEmpty(password) ? throw new CommandException("no password on standard input") : password;
    }

    /// <summary>The last day (Vietnam time) before a token's expiry; empty when it never expires.</summary>
    private static string LastDay(DateTimeOffset? expiresAt) =>
        expiresAt is { } at ? at.AddTicks(-1).ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

    /// <summary>A moment in Vietnam time, as the CLI prints them; empty when there is none.</summary>
    private static string Moment(DateTimeOffset? moment) =>
        moment is { } at ? at.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
