using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>
/// A petition, feedback or complaint a citizen submits without an account: the fields of a case less the received
/// date and the channel, which the public channel sets.
/// </summary>
/// <param name="Kind"><c>petition</c> or <c>complaint</c>; denunciations need the denouncer's identity checked and are not taken here.</param>
/// <param name="Unit">The code of the commune, ward or special zone the case concerns, in today's structure.</param>
/// <param name="Subject">A one-line subject.</param>
/// <param name="Content">What the citizen says.</param>
/// <param name="Petitioner">Who sends it: name (required), address and telephone.</param>
public sealed record PublicPetition(string? Kind, string? Unit, string? Subject, string? Content, PetitionerDetails? Petitioner);

/// <summary>
/// A case as its tracking code shows it to anyone who holds the code: status, received date, unit and the public
/// steps and answers. Never the petitioner, the assignee, internal notes or who acted.
/// </summary>
public sealed record PublicCaseStatus(string TrackingCode, string Kind, string Status, DateOnly ReceivedOn, string Unit, string UnitName, DateOnly? ClosedOn, IReadOnlyList<PublicCaseStep> Steps);

/// <summary>A public step of a case's timeline: its date, what happened (<c>received</c>, <c>accepted</c>, <c>answered</c>, <c>resolved</c>…) and the public text.</summary>
public sealed record PublicCaseStep(DateOnly On, string Action, string? Note);

/// <summary>A unit a citizen may address on the public channel, with the province it lies in.</summary>
/// <param name="Code">Its GSO code today.</param>
/// <param name="Name">Its name today.</param>
/// <param name="Kind">A commune, ward or special zone.</param>
/// <param name="Province">The province it lies in today.</param>
/// <param name="Former">The unit no longer in the structure the search found by name, which became part of this one; null when it found this one itself.</param>
/// <param name="Since">The day <paramref name="Former"/> became part of it.</param>
public sealed record PublicUnit(string Code, string Name, UnitKind Kind, string? Province, string? Former = null, DateOnly? Since = null);

/// <summary>
/// The public channel: citizens submit petitions and complaints to a commune, ward or special zone of today's
/// structure, and follow them by tracking code. Everything here is open to anyone; it shows nothing a tracking code
/// does not already name.
/// </summary>
/// <remarks>
/// Submissions go through <see cref="CaseWorkflow.ReceivePublicAsync"/>, which checks every field; this class only
/// narrows what the public may send (two kinds, commune-level units). The audit trail names the public channel as the
/// actor, never the petitioner.
/// </remarks>
public sealed class PublicChannel(OversightDbContext db, CaseWorkflow workflow, Caller caller, CallerScope scope, TimeProvider time)
{
    /// <summary>The actor the audit trail records for public submissions.</summary>
    public const string ActorName = "public channel";

    /// <summary>The kinds the public channel takes.</summary>
    public static readonly IReadOnlyList<string> Kinds = [WireNames<CaseKind>.ToWire(CaseKind.Petition), WireNames<CaseKind>.ToWire(CaseKind.Complaint)];

    private const int LongestCode = 32;

    /// <summary>Records the submission and gives it a tracking code, or answers every invalid field and records nothing.</summary>
    public async Task<CaseResult> SubmitAsync(PublicPetition petition, CancellationToken cancellationToken = default)
    {
        var today = VietnamTime.Today(time);
        var refused = new List<FieldError>();
        var request = new CaseRequest(petition.Kind, petition.Unit, null, null, petition.Subject, petition.Content, petition.Petitioner);

        // A refused kind or unit is blanked, so that the workflow still checks every other field and cannot record the case.
        if (VietnameseText.Normalize(petition.Kind) is { } kind && !Kinds.Contains(kind))
        {
            refused.Add(RecordMessages.NotOneOf.For("kind", kind, string.Join(", ", Kinds)));
            request = request with { Kind = null };
        }

        if (VietnameseText.Normalize(petition.Unit) is { } code
            && (await scope.GraphAsync(cancellationToken)).Find(code, today) is { } unit && !IsCommuneLevel(unit.Kind))
        {
            refused.Add(RecordMessages.UnitNotFound.For("unit", code, today));
            request = request with { Unit = null };
        }

        caller.SetPublic(ActorName);
        var result = await workflow.ReceivePublicAsync(request, cancellationToken);
        return refused.Count == 0
            ? result
            : new CaseResult(null, [.. refused, .. result.Errors.Where(e => refused.All(r => r.Field != e.Field))]);
    }

    /// <summary>The case a tracking code names, as the public sees it; null for an unknown or malformed code.</summary>
    public async Task<PublicCaseStatus?> StatusAsync(string? trackingCode, CancellationToken cancellationToken = default)
    {
        var code = trackingCode?.Trim().ToUpperInvariant();
        if (code is null || code.Length is 0 or > LongestCode || !code.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var found = await db.Cases.AsNoTracking()
            .Where(c => c.TrackingCode == code)
            .Select(c => new
            {
                c.TrackingCode,
                c.Kind,
                c.Status,
                c.ReceivedOn,
                c.UnitId,
                c.ClosedOn,
                Steps = c.Steps.Where(s => s.IsPublic).Select(s => new { s.On, s.RecordedAt, s.Action, s.Note }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var graph = await scope.GraphAsync(cancellationToken);
        var unit = graph.At(found.UnitId, found.ReceivedOn) ?? graph.Latest(found.UnitId);
        return new PublicCaseStatus(
            found.TrackingCode!, WireNames<CaseKind>.ToWire(found.Kind), WireNames<CaseStatus>.ToWire(found.Status), found.ReceivedOn,
            unit?.Code ?? string.Empty, unit?.Name ?? string.Empty, found.ClosedOn,
            found.Steps.OrderBy(s => s.On).ThenBy(s => s.RecordedAt).Select(s => new PublicCaseStep(s.On, WireNames<CaseAction>.ToWire(s.Action), s.Note)).ToArray());
    }

    /// <summary>Communes, wards and special zones of today whose name (diacritics ignored) or code matches the query.</summary>
    public async Task<IReadOnlyList<PublicUnit>> SearchUnitsAsync(string? query, int limit = 30, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var today = VietnamTime.Today(time);
        var graph = await scope.GraphAsync(cancellationToken);
        string? ProvinceOf(UnitSnapshot unit) => graph.Ancestors(unit.Id, today).FirstOrDefault(a => a.Kind == UnitKind.Province)?.Name;

        // Units of every period: a commune merged away ("Tốt Động") leads to the one its area went to today.
        return graph.Search(query, null, null, int.MaxValue)
            .SelectMany(found => graph.At(found.Id, today) is { } current
                ? [new PublicUnit(current.Code, current.Name, current.Kind, ProvinceOf(current))]
                : graph.Successors(found.Id)
                    .Where(step => graph.At(step.Unit.Id, today) is not null)
                    .Select(step => new PublicUnit(step.Unit.Code, step.Unit.Name, step.Unit.Kind, ProvinceOf(step.Unit), found.Name, step.Date)))
            .Where(u => IsCommuneLevel(u.Kind))
            .DistinctBy(u => u.Code)
            .Take(limit)
            .ToArray();
    }

    /// <summary>The commune-level unit with this code today, or null.</summary>
    public async Task<PublicUnit?> FindUnitAsync(string? code, CancellationToken cancellationToken = default)
    {
        var today = VietnamTime.Today(time);
        var graph = await scope.GraphAsync(cancellationToken);
        return VietnameseText.Normalize(code) is { } normalized && graph.Find(normalized, today) is { } unit && IsCommuneLevel(unit.Kind)
            ? new PublicUnit(unit.Code, unit.Name, unit.Kind, graph.Ancestors(unit.Id, today).FirstOrDefault(a => a.Kind == UnitKind.Province)?.Name)
            : null;
    }

    private static bool IsCommuneLevel(UnitKind kind) => kind is UnitKind.Commune or UnitKind.Ward or UnitKind.Town or UnitKind.SpecialZone;
}
