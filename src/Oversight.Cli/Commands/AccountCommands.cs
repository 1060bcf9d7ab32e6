using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;

namespace Oversight.Cli.Commands;

public static class AccountCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new(["users", "add"], "users add NAME --role administrator|inspector|leader|officer [--unit CODE] [--as-of YYYY-MM-DD] [--display-name TEXT]",
            "Adds an account; reads its password from standard input. Every role but administrator needs a unit, whose subtree the account sees.",
            AddUserAsync),
        new(["tokens", "create"], "tokens create --user NAME [--name TEXT]",
            "Creates a personal access token for the API and prints it alone; it is shown once and only its hash is stored.",
            CreateTokenAsync),
    ];

    private static async Task<int> AddUserAsync(CommandContext context)
    {
        var invocation = context.Invocation;
        var name = invocation.Argument(2, 0, "NAME");
        var role = invocation.RequiredOption("role");
        var password = (await context.Input.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            throw new CommandException("no password on standard input");
        }

        var accounts = context.Services.GetRequiredService<AccountService>();
        var error = await accounts.AddUserAsync(name, role, invocation.Option("unit"), invocation.DateOption("as-of"), password, invocation.Option("display-name"));
        if (error is not null)
        {
            throw new CommandException(error.Message);
        }

        await context.Output.WriteLineAsync($"Added {role} '{name}'.");
        return 0;
    }

    private static async Task<int> CreateTokenAsync(CommandContext context)
    {
        var invocation = context.Invocation;
        var accounts = context.Services.GetRequiredService<AccountService>();
        var (token, error) = await accounts.CreateTokenAsync(invocation.RequiredOption("user"), invocation.Option("name") ?? "cli");
        if (error is not null)
        {
            throw new CommandException(error.Message);
        }

        await context.Output.WriteLineAsync(token);
        return 0;
    }
}
