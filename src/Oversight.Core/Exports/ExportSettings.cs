using Microsoft.Extensions.Configuration;

namespace Oversight.Exports;

/// <summary>The limit on exports (<c>Exports:*</c>).</summary>
/// <param name="MaxRows">
/// The most rows one export holds: <c>Exports:MaxRows</c>, by default 100,000. A register whose filters match more
/// refuses the export and asks for narrower filters, rather than cutting the list short without a word.
/// </param>
public sealed record ExportSettings(int MaxRows)
{
    public const int DefaultMaxRows = 100_000;

    public static ExportSettings From(IConfiguration configuration) => new(configuration.GetValue("Exports:MaxRows", DefaultMaxRows));
}
