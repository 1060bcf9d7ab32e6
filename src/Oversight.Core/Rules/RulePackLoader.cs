using Oversight.Accounts;
using Oversight.Data;

namespace Oversight.Rules;

/// <summary>What loading a pack did.</summary>
public enum RulePackLoad
{
    Created,
    Replaced,
    Unchanged,
}

/// <summary>The outcome of loading a pack: what happened, or why nothing did.</summary>
public sealed record RulePackLoadResult(RulePackFile? Pack, RulePackLoad? Load, IReadOnlyList<string> Errors);

/// <summary>Loads a rule pack file into the database, where every node reads it: no code change, no restart.</summary>
public sealed class RulePackLoader(OversightDbContext db, RuleBook rules, Caller caller, TimeProvider time)
{
    /// <summary>Checks the file and stores it whole, or stores nothing. Loading the same file again changes nothing.</summary>
    public async Task<RulePackLoadResult> LoadAsync(string fileName, string content, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdministrator)
        {
            return new(null, null, [$"{fileName}: only an administrator may load rule packs"]);
        }

        var parse = RulePackFile.Parse(fileName, content);
        if (parse.Pack is not { } pack)
        {
            return new(null, null, parse.Errors);
        }

        var existing = await db.RulePacks.FindAsync([pack.Id], cancellationToken);
        RulePackLoad load;
        if (existing is null)
        {
            db.RulePacks.Add(new RulePack { Id = pack.Id, Title = pack.Title, EffectiveFrom = pack.EffectiveFrom, Content = content, LoadedAt = time.GetUtcNow() });
            load = RulePackLoad.Created;
        }
        else if (existing.Content == content)
        {
            return new(pack, RulePackLoad.Unchanged, []);
        }
        else
        {
            existing.Title = pack.Title;
            existing.EffectiveFrom = pack.EffectiveFrom;
            existing.Content = content;
            existing.LoadedAt = time.GetUtcNow();
            load = RulePackLoad.Replaced;
        }

        await db.SaveChangesAsync(cancellationToken);
        rules.Invalidate();
        return new(pack, load, []);
    }
}
