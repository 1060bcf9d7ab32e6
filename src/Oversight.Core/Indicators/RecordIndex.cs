namespace Oversight.Indicators;

/// <summary>
/// The stored records of one set: by unit, so that a commune's figures walk the commune's records only; by key and by
/// what they depend on, so that the records a change touches are found and replaced without walking the rest.
/// </summary>
/// <remarks>Requests walk it while the store replaces records: walks share a read lock, a replacement takes it alone.</remarks>
internal sealed class RecordIndex<TRow>
    where TRow : RecordFacts
{
    private readonly ReaderWriterLockSlim guard = new();
    private readonly Dictionary<Guid, List<TRow>> byUnit = [];
    private readonly Dictionary<Guid, List<TRow>> byKey = [];
    private readonly Dictionary<Guid, HashSet<Guid>> keysByDependency = [];

    public RecordIndex(IEnumerable<TRow> rows)
    {
        foreach (var row in rows)
        {
            Add(row);
        }
    }

    /// <summary>Every record, for a set that is worked out again as a whole after a change.</summary>
    public IReadOnlyList<TRow> All()
    {
        guard.EnterReadLock();
        try
        {
            return [.. byUnit.Values.SelectMany(rows => rows)];
        }
        finally
        {
            guard.ExitReadLock();
        }
    }

    /// <summary>The keys of the stored records that are, or depend on, one of <paramref name="changed"/>.</summary>
    public HashSet<Guid> Touched(IReadOnlySet<Guid> changed)
    {
        guard.EnterReadLock();
        try
        {
            var keys = new HashSet<Guid>();
            foreach (var id in changed)
            {
                if (byKey.ContainsKey(id))
                {
                    keys.Add(id);
                }

                if (keysByDependency.TryGetValue(id, out var dependents))
                {
                    keys.UnionWith(dependents);
                }
            }

            return keys;
        }
        finally
        {
            guard.ExitReadLock();
        }
    }

    /// <summary>Removes the records of <paramref name="keys"/> and of the fresh records' keys, then adds the fresh records.</summary>
    public void Replace(IEnumerable<Guid> keys, IReadOnlyList<TRow> fresh)
    {
        guard.EnterWriteLock();
        try
        {
            foreach (var key in keys.Concat(fresh.Select(r => r.Key)))
            {
                Remove(key);
            }

            foreach (var row in fresh)
            {
                Add(row);
            }
        }
        finally
        {
            guard.ExitWriteLock();
        }
    }

    /// <summary>Calls <paramref name="visit"/> with the records of each of <paramref name="units"/> that has any (every unit's when null).</summary>
    public void Walk(IEnumerable<Guid>? units, Action<Guid, List<TRow>> visit)
    {
        guard.EnterReadLock();
        try
        {
            if (units is null)
            {
                foreach (var (unit, rows) in byUnit)
                {
                    visit(unit, rows);
                }

                return;
            }

            foreach (var unit in units)
            {
                if (byUnit.TryGetValue(unit, out var rows))
                {
                    visit(unit, rows);
                }
            }
        }
        finally
        {
            guard.ExitReadLock();
        }
    }

    private void Add(TRow row)
    {
        Of(byUnit, row.UnitId).Add(row);
        Of(byKey, row.Key).Add(row);
        if (row.DependsOn is { } dependency)
        {
            if (!keysByDependency.TryGetValue(dependency, out var keys))
            {
                keysByDependency[dependency] = keys = [];
            }

            keys.Add(row.Key);
        }
    }

    private void Remove(Guid key)
    {
        if (!byKey.Remove(key, out var rows))
        {
            return;
        }

        foreach (var row in rows)
        {
            var ofUnit = byUnit[row.UnitId];
            ofUnit.Remove(row);
            if (ofUnit.Count == 0)
            {
                byUnit.Remove(row.UnitId);
            }

            if (row.DependsOn is { } dependency && keysByDependency.TryGetValue(dependency, out var keys) && keys.Remove(key) && keys.Count == 0)
            {
                keysByDependency.Remove(dependency);
            }
        }
    }

    private static List<TRow> Of(Dictionary<Guid, List<TRow>> lists, Guid id)
    {
        if (!lists.TryGetValue(id, out var list))
        {
            lists[id] = list = [];
        }

        return list;
    }
}
