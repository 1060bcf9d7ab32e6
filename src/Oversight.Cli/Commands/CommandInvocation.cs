using Oversight.Text;

namespace Oversight.Cli.Commands;

/// <summary>A command line split into words (the command path and its arguments) and <c>--option value</c> pairs.</summary>
public sealed class CommandInvocation
{
    private readonly Dictionary<string, string?> options;

    private CommandInvocation(List<string> words, Dictionary<string, string?> options)
    {
        Words = words;
        this.options = options;
    }

    /// <summary>Options that never take a value.</summary>
    private static readonly HashSet<string> Flags = ["help", "dry-run"];

    public IReadOnlyList<string> Words { get; }

    public static CommandInvocation Parse(IReadOnlyList<string> args)
    {
        var words = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h")
            {
                options["help"] = null;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                var equals = name.IndexOf('=');
                if (equals >= 0)
                {
                    options[name[..equals]] = name[(equals + 1)..];
                }
                else if (Flags.Contains(name) || i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    options[name] = null;
                }
                else
                {
                    options[name] = args[++i];
                }
            }
            else
            {
                words.Add(arg);
            }
        }

        return new CommandInvocation(words, options);
    }

    public bool Matches(IReadOnlyList<string> path) =>
        Words.Count >= path.Count && path.Select((w, i) => Words[i] == w).All(x => x);

    public bool Has(string option) => options.ContainsKey(option);

    public string? Option(string name) => options.GetValueOrDefault(name);

    public string RequiredOption(string name) =>
        options.GetValueOrDefault(name) is { Length: > 0 } value ? value : throw new CommandException($"--{name} is required");

    public DateOnly? DateOption(string name) =>
        Option(name) is not { } text ? null
        : IsoDate.TryParse(text, out var date) ? date
        : throw new CommandException($"--{name} '{text}' is not a date in the form YYYY-MM-DD");

    /// <summary>The argument after the command path, by position.</summary>
    public string Argument(int pathLength, int index, string name) =>
        Words.Count > pathLength + index ? Words[pathLength + index] : throw new CommandException($"{name} is required");
}

/// <summary>An expected failure: its message goes to standard error and the command exits with 1.</summary>
public sealed class CommandException(string message) : Exception(message);
