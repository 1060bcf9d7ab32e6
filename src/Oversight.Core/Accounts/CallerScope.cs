using Oversight.Data;
using Oversight.Organisation;

namespace Oversight.Accounts;

/// <summary>The set of units the caller may see. Everything outside it does not exist for them.</summary>
public sealed class ScopeFilter
{
    private readonly IReadOnlySet<Guid>? units;

    private ScopeFilter(IReadOnlySet<Guid>? units) => this.units = units;

    /// <summary>Administrators: no restriction.</summary>
    public static ScopeFilter Everything { get; } = new(null);

    /// <summary>A caller without a scope sees nothing.</summary>
    public static ScopeFilter Nothing { get; } = new(new HashSet<Guid>());

    public static ScopeFilter Of(IReadOnlySet<Guid> units) => new(units);

    public bool IsEverything => units is null;

    /// <summary>The visible unit ids; null when everything is visible.</summary>
    public IReadOnlySet<Guid>? UnitIds => units;

    public bool Contains(Guid unitId) => units is null || units.Contains(unitId);
}

/// <summary>Resolves the caller's scope against the current unit graph.</summary>
public sealed class CallerScope(Caller caller, UnitGraphCache graphs, OversightDbContext db)
{
    private UnitGraph? graph;

    /// <summary>The unit graph, read once per request.</summary>
    public async Task<UnitGraph> GraphAsync(CancellationToken cancellationToken = default) =>
        graph ??= await graphs.GetAsync(db, cancellationToken);

    public async Task<ScopeFilter> FilterAsync(CancellationToken cancellationToken = default)
    {
        if (caller.IsAdministrator)
        {
            return ScopeFilter.Everything;
        }

        if (caller.ScopeUnitId is not { } scopeUnit)
        {
            return ScopeFilter.Nothing;
        }

        return ScopeFilter.Of((await GraphAsync(cancellationToken)).Scope(scopeUnit));
    }
}
