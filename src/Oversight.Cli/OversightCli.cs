using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Oversight.Accounts;
using Oversight.Cli.Commands;
using Oversight.Data;
using Oversight.Keys;

namespace Oversight.Cli;

/// <summary>
/// The <c>oversight</c> command line. Settings in the form <c>--Section:Key value</c> (such as
/// <c>--Database:Provider PostgreSQL</c>) and environment variables (<c>Database__Provider</c>) choose the
/// database, as for the web host; everything else is the command.
/// </summary>
public static class OversightCli
{
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var (settings, words) = SplitSettings(args);
        var invocation = CommandInvocation.Parse(words);
        var command = CommandTable.All.FirstOrDefault(c => invocation.Matches(c.Path));
        if (invocation.Words.Count == 0 || invocation.Has("help") || command is null)
        {
            if (command is null && invocation.Words.Count > 0 && !invocation.Has("help"))
            {
                await error.WriteLineAsync($"oversight: unknown command '{string.Join(' ', invocation.Words)}'. Run 'oversight --help'.");
                await output.WriteAsync(CommandTable.Help());
                return 2;
            }

            await output.WriteAsync(command is null ? CommandTable.Help() : command.Help());
            return 0;
        }

        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(settings)
            .Build();
        ServiceProvider services;
        try
        {
            services = new ServiceCollection()
                .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).SetMinimumLevel(LogLevel.Warning))
                .AddOversightCore(configuration)
                .BuildServiceProvider();
        }
        catch (InvalidOperationException e)
        {
            // The database settings are wrong (unknown provider, missing connection string).
            await error.WriteLineAsync($"oversight: {e.Message}");
            return 1;
        }

        await using (services)
        {
            try
            {
                if (command.MigratesFirst)
                {
                    await DatabaseInitializer.MigrateAsync(services, error);
                }

                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Caller>().SetSystem($"cli:{Environment.UserName}");
                var context = new CommandContext(invocation, scope.ServiceProvider, input, output, error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);
                return await command.Run(context);
            }
            catch (KeyFileException e)
            {
                await error.WriteLineAsync($"oversight: {e.Message}");
                return 1;
            }
            catch (CommandException e)
            {
                await error.WriteLineAsync($"oversight {string.Join(' ', command.Path)}: {e.Message}");
                return 1;
            }
            catch (DbException e)
            {
                await error.WriteLineAsync($"oversight {string.Join(' ', command.Path)}: the database failed: {e.Message}");
                return 1;
            }
        }
    }

    /// <summary>Separates configuration settings (<c>--Section:Key value</c> or <c>--Section:Key=value</c>) from the command's own words.</summary>
    internal static (string[] Settings, string[] Words) SplitSettings(string[] args)
    {
        var settings = new List<string>();
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':'))
            {
                settings.Add(arg);
                if (!arg.Contains('=') && i + 1 < args.Length)
                {
                    settings.Add(args[++i]);
                }
            }
            else
            {
                words.Add(arg);
            }
        }

        return (settings.ToArray(), words.ToArray());
    }
}
