namespace Oversight.Records;

/// <summary>
/// Why a request was refused, as the API answers it: bad fields (400), made stale by someone else's change (409), or
/// not the caller's to do (403); a request with errors of several kinds is answered by the last of them here.
/// </summary>
public enum ErrorKind
{
    Invalid,
    Stale,
    Forbidden,
}

/// <summary>What is wrong with a field of a request, in English, with a key pages translate it by (<c>RecordError.{Key}</c>).</summary>
public sealed record FieldError(string Field, string Key, string Message, IReadOnlyList<string> Arguments, ErrorKind Kind = ErrorKind.Invalid);
