using System.Text;

namespace Oversight.Organisation.ReferenceImport;

/// <summary>One input file: the name that errors and lineage sources cite, and its bytes.</summary>
internal sealed record ReferenceFile(string Name, byte[] Content)
{
    public static ReferenceFile FromText(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));
}

/// <summary>The four inputs of the reference import.</summary>
/// <param name="Before">The three-level structure in force on 1 Nov 2024.</param>
/// <param name="After">The three-level structure in force on 1 Mar 2025, after the 1 Jan 2025 mergers.</param>
/// <param name="Reorganisation">The two-level structure from 1 Jul 2025, with the old units each new one was formed from.</param>
/// <param name="KnownLineage">Curated lineage the releases do not state (see the ReferenceData README).</param>
internal sealed record ReferenceSources(ReferenceFile Before, ReferenceFile After, ReferenceFile Reorganisation, ReferenceFile KnownLineage)
{
    /// <summary>The files embedded in Oversight.Core from <c>Organisation/ReferenceData</c>.</summary>
    public static ReferenceSources Embedded() => new(
        Resource("vn-units-2024-11.json"),
        Resource("vn-units-2025-03.json"),
        Resource("vn-units-2025-07-merges.json"),
        Resource("known-lineage.csv"));

    private static ReferenceFile Resource(string fileName)
    {
        var name = "Oversight.ReferenceData." + fileName;
        using var stream = typeof(ReferenceSources).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from Oversight.Core.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new ReferenceFile(fileName, buffer.ToArray());
    }
}
