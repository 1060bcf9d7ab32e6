using Microsoft.Extensions.Configuration;

namespace Oversight.Imports;

/// <summary>The limit on imports (<c>Imports:*</c>).</summary>
/// <param name="MaxRows">
/// The most data rows one file may have: <c>Imports:MaxRows</c>, by default 1,000,000. A longer file is refused,
/// naming the limit, once its rows are counted and before any is checked or written; split it and import the parts.
/// </param>
public sealed record ImportSettings(int MaxRows)
{
    public const int DefaultMaxRows = 1_000_000;

    public static ImportSettings From(IConfiguration configuration) => new(configuration.GetValue("Imports:MaxRows", DefaultMaxRows));
}
