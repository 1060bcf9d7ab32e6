using Microsoft.AspNetCore.Http.HttpResults;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Records;
using Oversight.Text;
using Oversight.Web.Accounts;
using Oversight.Web.Hosting;

namespace Oversight.Web.Petitions;

/// <summary>
/// A case as the API returns it. A denouncer's identity is never in it: see <c>GET /api/v1/cases/{id}/identity</c>.
/// <see cref="Stamp"/> changes with every step; a step that sends it back is refused (409) when another came first.
/// </summary>
public sealed record CaseResponse(
    Guid Id,
    Guid Stamp,
    string Reference,
    string Kind,
    string Channel,
    DateOnly ReceivedOn,
    string Unit,
    string UnitName,
    string Subject,
    string Content,
    PetitionerDetails? Petitioner,
    bool PetitionerConfidential,
    int PetitionerCount,
    string Status,
    bool? WithinJurisdiction,
    string? ForwardedTo,
    string? Guidance,
    DateOnly? AcceptedOn,
    bool Complex,
    bool RemoteArea,
    DateOnly? AcceptanceDueOn,
    DateOnly? DueOn,
    bool Overdue,
    string? DeadlineBasis,
    DateOnly? ClosedOn,
    string? Outcome,
    bool Protracted,
    string? TrackingCode,
    IReadOnlyList<CaseExtensionResponse> Extensions,
    IReadOnlyList<CaseStepResponse> Steps)
{
    public static CaseResponse From(CitizenCase c, UnitGraph graph, DateOnly today, int protractedAfterDays)
    {
        var unit = graph.At(c.UnitId, c.ReceivedOn) ?? graph.Latest(c.UnitId);
        return new CaseResponse(
            c.Id, c.ConcurrencyStamp, c.Reference, WireNames<CaseKind>.ToWire(c.Kind), WireNames<CaseChannel>.ToWire(c.Channel), c.ReceivedOn,
            unit?.Code ?? string.Empty, unit?.Name ?? string.Empty, c.Subject, c.Content,
            c.ProtectedIdentity is null ? new PetitionerDetails(c.PetitionerName, c.PetitionerAddress, c.PetitionerPhone) : null,
            c.ProtectedIdentity is not null, c.PetitionerCount, WireNames<CaseStatus>.ToWire(c.Status), c.WithinJurisdiction,
            c.ForwardedTo, c.Guidance, c.AcceptedOn, c.Complex, c.RemoteArea, c.AcceptanceDueOn, c.DueOn,
            c.CurrentDueOn < today, c.DeadlineBasis, c.ClosedOn, c.Outcome, CaseFacts.IsProtracted(c, today, protractedAfterDays), c.TrackingCode,
            c.Extensions.OrderBy(e => e.GrantedOn).Select(e => new CaseExtensionResponse(e.GrantedOn, e.Days, e.Reason, e.Decision)).ToArray(),
            c.Steps.OrderBy(s => s.On).ThenBy(s => s.RecordedAt).Select(s => new CaseStepResponse(s.On, WireNames<CaseAction>.ToWire(s.Action), s.Actor, s.Note, s.IsPublic)).ToArray());
    }
}

public sealed record CaseExtensionResponse(DateOnly GrantedOn, int Days, string Reason, string? Decision);

public sealed record CaseStepResponse(DateOnly On, string Action, string Actor, string? Note, bool Public);

/// <summary>
/// One workflow step on a case: <c>accept</c> (on, complex, remoteArea), <c>assign</c> (assignee: a user name),
/// <c>extend</c> (on, reason, decision), <c>forward</c> (on, forwardedTo, guidance), <c>reject</c> (on, reason),
/// <c>withdraw</c> (on, note), <c>resolve</c> (on, outcome), <c>note</c> (note, public), <c>repeat-of</c> (reference).
/// Any step may send the case's <c>stamp</c> as it was read: the step is then refused (409) when another came first.
/// </summary>
public sealed record CaseStepRequest(
    string? Action,
    string? On,
    bool? Complex,
    bool? RemoteArea,
    string? Assignee,
    string? Reason,
    string? Decision,
    string? ForwardedTo,
    string? Guidance,
    string? Outcome,
    string? Note,
    bool? Public,
    string? Reference,
    Guid? Stamp = null);

/// <summary>The citizens' cases API: create, read, act on a case, and reveal a denouncer's identity to those allowed.</summary>
public static class PetitionsEndpoints
{
    public static void MapPetitionsEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases")
            .RequireAuthorization(Policies.Api)
            .WithTags("Petitions");

        cases.MapPost("/", Create)
            .WithName("CreateCase")
            .WithSummary("Records a citizen's case")
            .WithDescription("kind: complaint | second-complaint | denunciation | petition; unit: the handling unit's code as of receivedOn (YYYY-MM-DD); channel: reception-session | mail | public-web | app | forwarded-in. 400 names every invalid field and stores nothing.");
        cases.MapGet("/{id:guid}", Get)
            .WithName("GetCase")
            .WithSummary("A case with its deadlines, extensions and timeline; never a denouncer's identity");
        cases.MapPost("/{id:guid}/steps", Act)
            .WithName("ActOnCase")
            .WithSummary("Takes one workflow step on a case; only lawful transitions are allowed")
            .WithDescription("stamp (optional): the case's stamp as last read; the step is refused with 409, nothing stored, when someone acted on the case since.");
        cases.MapGet("/{id:guid}/identity", RevealIdentity)
            .WithName("RevealDenouncerIdentity")
            .WithSummary("A denouncer's identity with the reason for seeing it (?reason=…), for the readers the rule pack names (the officer a leader assigned, the handling unit's leaders); every reveal is audited with its reason");
    }

    private static async Task<Results<Created<CaseResponse>, ProblemHttpResult>> Create(CaseRequest request, CaseWorkflow workflow, CaseResponses responses, CancellationToken cancellationToken)
    {
        var result = await workflow.ReceiveAsync(request, cancellationToken);
        if (!result.Succeeded)
        {
            return Problem(result);
        }

        return TypedResults.Created($"/api/v1/cases/{result.Case!.Id}", await responses.ForAsync(result.Case, cancellationToken));
    }

    private static async Task<Results<Ok<CaseResponse>, NotFound>> Get(Guid id, CaseWorkflow workflow, CaseResponses responses, CancellationToken cancellationToken) =>
        await workflow.FindAsync(id, cancellationToken) is { } found
            ? TypedResults.Ok(await responses.ForAsync(found, cancellationToken))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<CaseResponse>, NotFound, ProblemHttpResult>> Act(Guid id, CaseStepRequest step, CaseWorkflow workflow, CaseResponses responses, TimeProvider time, CancellationToken cancellationToken)
    {
        var on = VietnamTime.Today(time);
        if (step.On is not null && !IsoDate.TryParse(step.On, out on))
        {
            return Problem(CaseResult.Invalid(RecordMessages.NotADate.For("on", step.On)));
        }

        var result = step.Action switch
        {
            "accept" => await workflow.AcceptAsync(id, on, step.Complex ?? false, step.RemoteArea ?? false, step.Stamp, cancellationToken),
            "assign" => await workflow.AssignAsync(id, on, step.Assignee ?? string.Empty, step.Stamp, cancellationToken),
            "extend" => await workflow.ExtendAsync(id, on, step.Reason, step.Decision, step.Stamp, cancellationToken),
            "forward" => await workflow.ForwardAsync(id, on, step.ForwardedTo, step.Guidance, step.Stamp, cancellationToken),
            "reject" => await workflow.RejectAsync(id, on, step.Reason, step.Stamp, cancellationToken),
            "withdraw" => await workflow.WithdrawAsync(id, on, step.Note, step.Stamp, cancellationToken),
            "resolve" => await workflow.ResolveAsync(id, on, step.Outcome, step.Stamp, cancellationToken),
            "note" => await workflow.NoteAsync(id, step.Note, step.Public ?? false, step.Stamp, cancellationToken),
            "repeat-of" => await workflow.MarkRepeatAsync(id, step.Reference, step.Stamp, cancellationToken),
            _ => CaseResult.Invalid(RecordMessages.NotOneOf.For("action", step.Action, "accept, assign, extend, forward, reject, withdraw, resolve, note, repeat-of")),
        };
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded ? TypedResults.Ok(await responses.ForAsync(result.Case!, cancellationToken)) : Problem(result);
    }

    private static async Task<Results<Ok<PetitionerDetails>, NotFound, ProblemHttpResult>> RevealIdentity(
        Guid id, string? reason, CaseWorkflow workflow, DenouncerIdentity identity, CancellationToken cancellationToken)
    {
        if (await workflow.FindAsync(id, cancellationToken) is not { ProtectedIdentity: not null } found)
        {
            return TypedResults.NotFound();
        }

        var reveal = await identity.RevealAsync(found, reason, cancellationToken);
        if (reveal.Forbidden)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: $"Not allowed: only the readers {DenouncerIdentity.RuleKey} names in the rule pack in force may see a denouncer's identity.");
        }

        return reveal.Details is { } details ? TypedResults.Ok(details) : FieldProblems.For(reveal.Errors, "Give the reason for seeing the denouncer's identity (reason=…).");
    }

    private static ProblemHttpResult Problem(CaseResult result) => FieldProblems.For(result.Errors, "The case was not recorded: some fields are not valid.");
}

/// <summary>Builds case responses with the unit graph and the protracted threshold in force today.</summary>
public sealed class CaseResponses(UnitDirectory directory, Oversight.Rules.RuleBook rules, Oversight.Data.OversightDbContext db, TimeProvider time)
{
    public async Task<CaseResponse> ForAsync(CitizenCase citizenCase, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(time);
        var threshold = CaseFacts.ProtractedAfterDays(await rules.GetAsync(db, cancellationToken), today);
        return CaseResponse.From(citizenCase, await directory.GraphAsync(cancellationToken), today, threshold);
    }
}
