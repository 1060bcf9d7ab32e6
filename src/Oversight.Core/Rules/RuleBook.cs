using Microsoft.EntityFrameworkCore;
using Oversight.Data;

namespace Oversight.Rules;

/// <summary>Every rule pack, shipped and loaded, answering which value of a rule applies on a day.</summary>
public sealed class RuleSet(IReadOnlyList<RuleSet.Pack> packs)
{
    /// <summary>A pack as the rule set holds it, and where it came from.</summary>
    public sealed record Pack(RulePackFile File, bool Loaded, DateTimeOffset? LoadedAt);

    /// <summary>Packs by effective date, then id.</summary>
    public IReadOnlyList<Pack> Packs { get; } = packs.OrderBy(p => p.File.EffectiveFrom).ThenBy(p => p.File.Id, StringComparer.Ordinal).ToArray();

    /// <summary>The value of <paramref name="key"/> on <paramref name="day"/>: from the latest pack in force that defines it.</summary>
    public RuleInForce? Find(string key, DateOnly day)
    {
        for (var i = Packs.Count - 1; i >= 0; i--)
        {
            var file = Packs[i].File;
            if (file.EffectiveFrom <= day && file.Rules.TryGetValue(key, out var value))
            {
                return new RuleInForce(key, value, file.Id, file.Title, file.EffectiveFrom);
            }
        }

        return null;
    }

    /// <summary>Every rule in force on <paramref name="day"/>, by key.</summary>
    public IReadOnlyList<RuleInForce> InForce(DateOnly day) => Packs
        .SelectMany(p => p.File.Rules.Keys)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .Select(key => Find(key, day))
        .OfType<RuleInForce>()
        .ToArray();
}

/// <summary>
/// Holds the rule set for the process: the packs shipped with Oversight, replaced or added to by the packs an
/// administrator loaded into the database.
/// </summary>
/// <remarks>
/// Re-reads the loaded packs at most every few seconds (a loaded pack reaches every node within that time), and at
/// once after a load in this process.
/// </remarks>
public sealed class RuleBook(TimeProvider time)
{
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);
    private static readonly Lazy<IReadOnlyList<RulePackFile>> Shipped = new(ReadShipped);
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Snapshot? current;

    public async Task<RuleSet> GetAsync(OversightDbContext db, CancellationToken cancellationToken = default)
    {
        var snapshot = current;
        if (snapshot is not null && time.GetUtcNow() - snapshot.CheckedAt < RecheckAfter)
        {
            return snapshot.Rules;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            var loaded = await db.RulePacks.AsNoTracking().ToListAsync(cancellationToken);
            var packs = Shipped.Value
                .Where(s => loaded.All(l => l.Id != s.Id))
                .Select(s => new RuleSet.Pack(s, false, null))
                .Concat(loaded.Select(l => new RuleSet.Pack(RulePackFile.Parse(l.Id, l.Content).Pack
                    ?? throw new InvalidDataException($"Rule pack {l.Id} in the database does not parse."), true, l.LoadedAt)))
                .ToList();
            var rules = new RuleSet(packs);
            current = new Snapshot(rules, time.GetUtcNow());
            return rules;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>Forgets the cached set, after a pack was loaded.</summary>
    internal void Invalidate() => current = null;

    /// <summary>The packs that ship with Oversight, embedded from Rules/Packs.</summary>
    public static IReadOnlyList<RulePackFile> ShippedPacks => Shipped.Value;

    private static IReadOnlyList<RulePackFile> ReadShipped()
    {
        var assembly = typeof(RuleBook).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Oversight.RulePacks.", StringComparison.Ordinal))
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                var parse = RulePackFile.Parse(name, reader.ReadToEnd());
                return parse.Pack ?? throw new InvalidDataException(string.Join("; ", parse.Errors));
            })
            .ToArray();
    }

    private sealed record Snapshot(RuleSet Rules, DateTimeOffset CheckedAt);
}
