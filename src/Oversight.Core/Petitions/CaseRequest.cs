using Oversight.Records;

namespace Oversight.Petitions;

/// <summary>Who brings a case: name, address and telephone. For a denunciation these are kept encrypted.</summary>
public sealed record PetitionerDetails(string? Name, string? Address, string? Phone);

/// <summary>
/// A new case as it arrives from the API, a page, the public channel or an imported row: text as given, checked
/// field by field by <see cref="CaseWorkflow.ReceiveAsync"/>.
/// </summary>
/// <param name="Kind"><c>complaint</c>, <c>second-complaint</c>, <c>denunciation</c> or <c>petition</c>.</param>
/// <param name="Unit">The handling unit's code, as of <paramref name="ReceivedOn"/>.</param>
/// <param name="ReceivedOn">YYYY-MM-DD.</param>
/// <param name="Channel"><c>reception-session</c>, <c>mail</c>, <c>public-web</c>, <c>app</c> or <c>forwarded-in</c>.</param>
/// <param name="Subject">A one-line subject.</param>
/// <param name="Content">What the citizen says.</param>
/// <param name="Petitioner">Who brings the case.</param>
/// <param name="PetitionerCount">How many people bring it together; 1 when not given.</param>
/// <param name="Reference">The register number; Oversight gives one when not given.</param>
/// <param name="ReceptionSession">The register number of the reception session that produced the case.</param>
public sealed record CaseRequest(
    string? Kind,
    string? Unit,
    string? ReceivedOn,
    string? Channel,
    string? Subject,
    string? Content,
    PetitionerDetails? Petitioner,
    int? PetitionerCount = null,
    string? Reference = null,
    string? ReceptionSession = null);

/// <summary>What a workflow step did: the case as it now is, or why nothing changed.</summary>
/// <param name="Case">The case as it now is; null when nothing changed.</param>
/// <param name="Errors">Why nothing changed, each naming its field.</param>
/// <param name="NotFound">No case has the id, or none the caller may see.</param>
/// <param name="Repeated">The public channel had just stored the same petition: <paramref name="Case"/> is that case, not a new one.</param>
public sealed record CaseResult(CitizenCase? Case, IReadOnlyList<FieldError> Errors, bool NotFound = false, bool Repeated = false)
{
    public bool Succeeded => Case is not null && Errors.Count == 0;

    public static CaseResult Missing { get; } = new(null, [], NotFound: true);

    public static CaseResult Invalid(params FieldError[] errors) => new(null, errors);
}
