namespace Oversight.Documents;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>The lines two versions of a document differ by, in order: a longest common subsequence of their lines.</summary>
public static class DocumentDiff
{
    /// <summary>Every line of both, each marked as kept, removed from <paramref name="before"/> or added in <paramref name="after"/>.</summary>
    public static IReadOnlyList<DiffLine> Between(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        // common[i, j]: the length of the longest common subsequence of before[i..] and after[j..].
        var common = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>();
        var (x, y) = (0, 0);
        while (x < before.Count || y < after.Count)
        {
            if (x < before.Count && y < after.Count && before[x] == after[y])
            {
                lines.Add(new(DiffKind.Same, before[x]));
                (x, y) = (x + 1, y + 1);
            }
            else if (y < after.Count && (x == before.Count || common[x, y + 1] >= common[x + 1, y]))
            {
                lines.Add(new(DiffKind.Added, after[y++]));
            }
            else
            {
                lines.Add(new(DiffKind.Removed, before[x++]));
            }
        }

        return lines;
    }
}
