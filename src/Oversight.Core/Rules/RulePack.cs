namespace Oversight.Rules;

/// <summary>A rule pack loaded by an administrator: the file as loaded, kept whole.</summary>
/// <remarks>Packs shipped with Oversight are read from the assembly; a loaded pack with the same id replaces one.</remarks>
public sealed class RulePack
{
    public required string Id { get; init; }

    public DateOnly EffectiveFrom { get; set; }

    public required string Title { get; set; }

    /// <summary>The pack file (JSON).</summary>
    public required string Content { get; set; }

    public DateTimeOffset LoadedAt { get; set; }
}
