namespace Oversight.Records;

/// <summary>
/// What creating or updating a record (a reception session, a dialogue meeting, an accountability record) did: the
/// record as it now is and whether anything was written, or why nothing was. Field names in <see cref="Errors"/> are
/// the request's (<c>heldOn</c>, <c>hostPersonCode</c> …).
/// </summary>
public sealed record RecordResult<TRecord>(TRecord? Record, IReadOnlyList<FieldError> Errors, bool NotFound = false, bool Changed = false)
    where TRecord : class
{
    public bool Succeeded => Record is not null && Errors.Count == 0;
}
