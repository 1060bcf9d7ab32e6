using System.Collections.Frozen;
using System.Text.Json;

namespace Oversight.Text;

/// <summary>
/// The kebab-case names under which enum values travel in the API, in files and in the database
/// (<c>PartyCommittee</c> is <c>party-committee</c>).
/// </summary>
public static class WireNames<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>All wire names, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<TEnum>().Select(v => Names[v]).ToArray();

    public static string ToWire(TEnum value) => Names[value];

    public static TEnum FromWire(string name) =>
        Values.TryGetValue(name, out var value) ? value : throw new FormatException($"'{name}' is not one of: {string.Join(", ", All)}.");

    public static bool TryParse(string? name, out TEnum value)
    {
        value = default;
        return name is not null && Values.TryGetValue(name.Trim(), out value);
    }
}
