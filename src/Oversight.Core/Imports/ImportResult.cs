namespace Oversight.Imports;

/// <summary>
/// What is wrong with an imported file, and where: the file, the row as a spreadsheet numbers it (the header is
/// row 1; 0 means the file as a whole), and the column's header name when one cell is at fault.
/// </summary>
public sealed record ImportError(string File, int Row, string? Column, string Message)
{
    /// <summary>
    /// The resource that says it in the reader's language, for pages: <c>ImportError.{key}</c> for an
    /// <see cref="ImportMessage"/>, <c>RecordError.{key}</c> for a write service's field error.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>The values in the message, in order, as <see cref="ImportMessage.At"/> wrote them.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary><c>FILE:ROW: column COLUMN: message</c>, the form the CLI prints.</summary>
    public override string ToString() => (Row, Column) switch
    {
        (0, _) => $"{File}: {Message}",
        (_, null) => $"{File}:{Row}: {Message}",
        _ => $"{File}:{Row}: column {Column}: {Message}",
    };
}

/// <summary>
/// How many records of one kind an import created, updated or found unchanged; <see cref="Records"/> names them in
/// the plural: <c>units</c>, <c>people</c>, <c>memberships</c>, <c>positions</c>.
/// </summary>
public sealed record ImportTally(string Records, int Created, int Updated, int Unchanged);

/// <summary>
/// The outcome of an import of <see cref="File"/> (named as the user gave it) with <see cref="Rows"/> data rows
/// (blank rows not counted). An import is all or nothing: with any error, nothing was written and
/// <see cref="Tallies"/> is empty; a dry run checks everything and reports what it would write.
/// </summary>
public sealed record ImportResult(string File, int Rows, bool DryRun, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportTally> Tallies)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>How many errors were found: more than <see cref="Errors"/> lists when there were more than <see cref="ImportErrors.Listed"/>.</summary>
    public int ErrorCount { get; init; } = Errors.Count;

    public static ImportResult Failed(string file, int rows, bool dryRun, IReadOnlyList<ImportError> errors) => new(file, rows, dryRun, errors, []);
}
