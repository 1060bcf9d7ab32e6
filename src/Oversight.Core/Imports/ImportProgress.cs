namespace Oversight.Imports;

/// <summary>Where an import is: reading the file, checking its rows, or writing them.</summary>
public enum ImportStage
{
    Reading,
    Checking,
    Writing,
}

/// <summary>How far an import has come: <see cref="Done"/> of <see cref="Total"/> rows at <see cref="Stage"/>.</summary>
public sealed record ImportProgress(ImportStage Stage, int Done, int Total)
{
    /// <summary>How often a stage reports: every this many rows, and at its end.</summary>
    public const int Every = 250;

    /// <summary>Reports row <paramref name="done"/> of a stage when it is a multiple of <see cref="Every"/> or the last.</summary>
    public static void Report(IProgress<ImportProgress>? progress, ImportStage stage, int done, int total)
    {
        if (progress is not null && (done % Every == 0 || done == total))
        {
            progress.Report(new ImportProgress(stage, done, total));
        }
    }
}
