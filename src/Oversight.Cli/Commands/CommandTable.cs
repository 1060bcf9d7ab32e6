using System.Globalization;
using System.Text;

namespace Oversight.Cli.Commands;

/// <summary>What a command runs with; <paramref name="ErrorIsTerminal"/> says whether progress may be drawn on <paramref name="Error"/>.</summary>
public sealed record CommandContext(CommandInvocation Invocation, IServiceProvider Services, TextReader Input, TextWriter Output, TextWriter Error, bool ErrorIsTerminal = false);

/// <summary>One command: its words, its usage line, what it does and how.</summary>
/// <param name="Path">The words that name the command (<c>import cases</c>).</param>
/// <param name="Usage">The usage line, from the command's words on.</param>
/// <param name="Summary">What the command does, as its help prints it.</param>
/// <param name="Run">Runs the command and answers its exit code.</param>
/// <param name="MigratesFirst">
/// Whether the database is created and migrated before the command runs, as for every command but those that must
/// find it as it is (a backup copies it unchanged, a restore needs it empty).
/// </param>
public sealed record CliCommand(string[] Path, string Usage, string Summary, Func<CommandContext, Task<int>> Run, bool MigratesFirst = true)
{
    public string Help() => $"Usage: oversight {Usage}\n\n{Summary}\n\n{CommandTable.SettingsHelp}";
}

/// <summary>Every command of the CLI. Each feature's commands live in its own file beside this one.</summary>
public static class CommandTable
{
    public const string SettingsHelp =
        """
        Database (as for the web host):
          --Database:Provider Sqlite|PostgreSQL   default Sqlite (or Database__Provider)
          --ConnectionStrings:Oversight VALUE     default "Data Source=data/oversight.db" (or ConnectionStrings__Oversight)

        """;

    public static IReadOnlyList<CliCommand> All { get; } =
    [
        .. AccountCommands.All,
        .. AuditCommands.All,
        .. OrganisationCommands.All,
        .. ImportCommands.All,
        .. DemoCommands.All,
        .. CalendarCommands.All,
        .. RuleCommands.All,
        .. IndicatorCommands.All,
        .. BackupCommands.All,
        .. NotifyCommands.All,
    ];

    public static string Help()
    {
        var text = new StringBuilder("Oversight: monitoring how directives are carried out in local government.\n\nUsage: oversight COMMAND [OPTIONS]\n\nCommands:\n");
        foreach (var command in All)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {command.Usage}\n      {command.Summary}\n");
        }

        text.Append("\nRun 'oversight COMMAND --help' for one command.\n\n").Append(SettingsHelp);
        return text.ToString();
    }
}
