using Microsoft.AspNetCore.Http.HttpResults;
using Oversight.Petitions;
using Oversight.Text;
using Oversight.Web.Accounts;
using Oversight.Web.Hosting;

namespace Oversight.Web.Petitions;

/// <summary>One page of the case register. <c>Count</c> counts the matches up to a cap; <c>CountIsCapped</c> says there are more.</summary>
public sealed record CaseListResponse(IReadOnlyList<CaseRow> Cases, int Page, int PageSize, bool HasNextPage, int Count, bool CountIsCapped);

/// <summary>The unit a summary is about.</summary>
public sealed record SummaryUnitResponse(string Code, string Name);

/// <summary>Resolved cases within jurisdiction out of all within jurisdiction.</summary>
public sealed record JurisdictionResponse(int Total, int Resolved, double? Rate);

/// <summary>Cases resolved by their deadline out of all resolved.</summary>
public sealed record OnTimeResponse(int Resolved, int OnTime, double? Rate);

/// <summary>Receptions by one kind of host: cases brought, those within jurisdiction, resolved by the end of the period, still open then.</summary>
public sealed record ReceptionsResponse(int Days, int Visits, int People, int Cases, int WithinJurisdiction, int Resolved, int UnderConsideration);

/// <summary>Receptions by the People's Committee chairmen and other leaders (the contract names the within-jurisdiction count differently).</summary>
public sealed record LeaderReceptionsResponse(int Days, int Visits, int People, int Cases, int CasesWithinJurisdiction, int Resolved, int UnderConsideration);

public sealed record DialogueMeetingsResponse(int Total, int Province, int District, int Commune);

/// <summary>The citizen figures of a unit's subtree over a period. Rates are fractions (0.818…), null when nothing to divide by.</summary>
public sealed record CitizenSummaryResponse(
    SummaryUnitResponse Unit,
    DateOnly From,
    DateOnly To,
    int Cases,
    IReadOnlyDictionary<string, int> ByKind,
    IReadOnlyDictionary<string, int> ByStatus,
    JurisdictionResponse WithinJurisdiction,
    OnTimeResponse OnTime,
    ReceptionsResponse ReceptionsBySecretary,
    LeaderReceptionsResponse ReceptionsByLeaders,
    IReadOnlyDictionary<string, ReceptionsResponse> ReceptionsByRole,
    DialogueMeetingsResponse DialogueMeetings);

/// <summary>
/// Reading citizens' cases: the case register and the citizen summary of a unit. (Creating and reading one
/// case are in <c>PetitionsEndpoints</c>.)
/// </summary>
public static class PetitionsReadEndpoints
{
    public static void MapPetitionsReadEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/units")
            .RequireAuthorization(Policies.Api)
            .WithTags("Petitions")
            .MapGet("/{code}/citizen-summary", GetCitizenSummary)
            .WithName("GetCitizenSummary")
            .WithSummary("Citizen reception and petition figures of a unit's subtree over a period")
            .WithDescription("from and to (YYYY-MM-DD, inclusive) are required. The subtree is the unit's as it stood on the first and last day of the period. Statuses are as of to. 404 when no unit carries the code in the period, or it lies outside the caller's scope.");
        app.MapGroup("/api/v1/cases")
            .RequireAuthorization(Policies.Api)
            .WithTags("Petitions")
            .MapGet("/", ListCases)
            .WithName("ListCases")
            .WithSummary("The case register: newest receipt first, paged")
            .WithDescription("Filters: unit (code; its subtree as of asOf, default to or today), kind, status (a status, open or closed), overdue=true, dueWithin (days), from/to (received, YYYY-MM-DD), assignee (user id), q (words; diacritics ignored), page (from 1), pageSize (up to 200). A denouncer's name is never listed. 404 when the unit does not exist for the caller.");
    }

    private static async Task<Results<Ok<CitizenSummaryResponse>, NotFound, ValidationProblem>> GetCitizenSummary(
        string code, string? from, string? to, CitizenSummary summary, CancellationToken cancellationToken)
    {
        var period = QueryFields.Period(from, to);
        if (period is not ({ } fromDay, { } toDay, _))
        {
            return TypedResults.ValidationProblem(period.Errors);
        }

        var figures = await summary.ForAsync(code, fromDay, toDay, cancellationToken);
        return figures is null ? TypedResults.NotFound() : TypedResults.Ok(ToResponse(figures));
    }

    private static async Task<Results<Ok<CaseListResponse>, NotFound, ValidationProblem>> ListCases(
        string? unit, string? asOf, string? kind, string? status, string? overdue, string? dueWithin, string? from, string? to,
        string? assignee, string? q, string? page, string? pageSize, CaseRegister register, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (statusFilter, open) = StatusFilter(status, errors);
        var filter = new CaseFilter
        {
            UnitCode = unit,
            UnitAsOf = QueryFields.OptionalDate(asOf, nameof(asOf), errors),
            Kind = QueryFields.OptionalEnum<CaseKind>(kind, nameof(kind), errors),
            Status = statusFilter,
            Open = open,
            Overdue = QueryFields.OptionalBool(overdue, nameof(overdue), errors) ?? false,
            DueWithinDays = QueryFields.OptionalNumber(dueWithin, nameof(dueWithin), 0, 3650, errors),
            ReceivedFrom = QueryFields.OptionalDate(from, nameof(from), errors),
            ReceivedTo = QueryFields.OptionalDate(to, nameof(to), errors),
            AssigneeUserId = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim(),
            Search = q,
        };
        var pageNumber = QueryFields.OptionalNumber(page, nameof(page), 1, int.MaxValue / CaseRegister.MaxPageSize, errors) ?? 1;
        var size = QueryFields.OptionalNumber(pageSize, nameof(pageSize), 1, CaseRegister.MaxPageSize, errors) ?? 50;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = await register.ListAsync(filter, pageNumber, size, cancellationToken);
        return found is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new CaseListResponse(found.Rows, found.Page, found.PageSize, found.HasNextPage, found.MatchCount, found.MatchCountIsCapped));
    }

    private static CitizenSummaryResponse ToResponse(CitizenSummaryFigures figures)
    {
        var leaders = figures.ReceptionsByLeaders;
        return new CitizenSummaryResponse(
            new SummaryUnitResponse(figures.Unit.Code, figures.Unit.Name),
            figures.From,
            figures.To,
            figures.Cases,
            figures.ByKind.ToDictionary(p => WireNames<CaseKind>.ToWire(p.Key), p => p.Value),
            figures.ByStatus.ToDictionary(p => WireNames<CaseStatus>.ToWire(p.Key), p => p.Value),
            new JurisdictionResponse(figures.WithinJurisdiction.Denominator, figures.WithinJurisdiction.Numerator, figures.WithinJurisdiction.Rate),
            new OnTimeResponse(figures.OnTime.Denominator, figures.OnTime.Numerator, figures.OnTime.Rate),
            ToResponse(figures.ReceptionsBySecretary),
            new LeaderReceptionsResponse(leaders.Days, leaders.Visits, leaders.People, leaders.Cases, leaders.WithinJurisdiction, leaders.Resolved, leaders.UnderConsideration),
            figures.ReceptionsByRole.ToDictionary(p => WireNames<HostRole>.ToWire(p.Key), p => ToResponse(p.Value)),
            new DialogueMeetingsResponse(
                figures.DialogueMeetings.Values.Sum(),
                figures.DialogueMeetings[DialogueLevel.Province],
                figures.DialogueMeetings[DialogueLevel.District],
                figures.DialogueMeetings[DialogueLevel.Commune]));
    }

    private static ReceptionsResponse ToResponse(ReceptionFigures figures) =>
        new(figures.Days, figures.Visits, figures.People, figures.Cases, figures.WithinJurisdiction, figures.Resolved, figures.UnderConsideration);

    /// <summary>A status, or <c>open</c> / <c>closed</c> for any of the open or closed ones.</summary>
    private static (CaseStatus? Status, bool? Open) StatusFilter(string? text, Dictionary<string, string[]> errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "":
                return (null, null);
            case "open":
                return (null, true);
            case "closed":
                return (null, false);
        }

        if (WireNames<CaseStatus>.TryParse(text, out var status))
        {
            return (status, null);
        }

        errors["status"] = [$"status '{text}' is not one of: {string.Join(", ", WireNames<CaseStatus>.All)}, open, closed."];
        return (null, null);
    }
}
