namespace Oversight.Cli;

internal static class EntryPoint
{
    private static Task<int> Main(string[] args) => OversightCli.RunAsync(args, Console.In, Console.Out, Console.Error);
}
