using Microsoft.AspNetCore.Http.HttpResults;
using Oversight.Accountability;
using Oversight.Text;
using Oversight.Web.Accounts;
using Oversight.Web.Hosting;
using Oversight.Web.Petitions;

namespace Oversight.Web.Accountability;

public sealed record AccountabilitySummaryResponse(
    SummaryUnitResponse Unit,
    DateOnly From,
    DateOnly To,
    DisseminationResponse Dissemination,
    InspectionsResponse Inspections,
    DisciplineResponse Discipline,
    PersonnelResponse Personnel,
    FollowUpResponse FollowUp);

/// <summary><c>ParticipationRate</c>: attended ÷ invited as a percentage with one decimal (99.2); null when nobody was invited.</summary>
public sealed record DisseminationResponse(int Events, int Invited, int Attended, double? ParticipationRate, int UnitsCompleted, int UnitsTotal, int MembersReached);

public sealed record InspectionsResponse(int Teams, int UnitsInspected, int MembersInspected, int OrganisationsSupervised, int MembersSupervised);

public sealed record DisciplineCountsResponse(int Organisations, int Members);

/// <summary><c>ByBody</c> is keyed standing-committee, inspection-committee, party-cell, state-agency.</summary>
public sealed record DisciplineResponse(IReadOnlyDictionary<string, DisciplineCountsResponse> ByBody, int WithManifestations, int Total);

/// <summary><c>ByPostKind</c> is keyed leading-managerial, commune-vice-chairman, land-construction, school-manager, other.</summary>
public sealed record PersonnelResponse(int Moves, int UnderDirective, IReadOnlyDictionary<string, int> ByPostKind);

/// <summary>Follow-up tasks as they stood on <c>AsOf</c> (the end of the period, or today); overdue ones are among the open.</summary>
public sealed record FollowUpResponse(DateOnly AsOf, int Open, int Done, int Overdue);

/// <summary>Figures of the directives' implementation: dissemination, inspection, discipline, personnel, follow-up.</summary>
public static class AccountabilityEndpoints
{
    public static void MapAccountabilityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/units")
            .RequireAuthorization(Policies.Api)
            .WithTags("Accountability")
            .MapGet("/{code}/accountability-summary", GetSummary)
            .WithName("GetAccountabilitySummary")
            .WithSummary("Dissemination, inspection, discipline, personnel and follow-up figures of a unit's subtree over a period")
            .WithDescription("from and to (YYYY-MM-DD, inclusive) are required. The subtree is the unit's as it stood on the first and last day of the period. 404 when no unit carries the code in the period, or it lies outside the caller's scope.");
    }

    private static async Task<Results<Ok<AccountabilitySummaryResponse>, NotFound, ValidationProblem>> GetSummary(
        string code, string? from, string? to, AccountabilitySummary summary, CancellationToken cancellationToken)
    {
        var period = QueryFields.Period(from, to);
        if (period is not ({ } fromDay, { } toDay, _))
        {
            return TypedResults.ValidationProblem(period.Errors);
        }

        var figures = await summary.ForAsync(code, fromDay, toDay, cancellationToken);
        return figures is null ? TypedResults.NotFound() : TypedResults.Ok(ToResponse(figures));
    }

    private static AccountabilitySummaryResponse ToResponse(AccountabilityFigures figures)
    {
        var dissemination = figures.Dissemination;
        return new AccountabilitySummaryResponse(
            new SummaryUnitResponse(figures.Unit.Code, figures.Unit.Name),
            figures.From,
            figures.To,
            new DisseminationResponse(
                dissemination.Events,
                dissemination.Participation.Denominator,
                dissemination.Participation.Numerator,
                dissemination.Participation.Rate is { } rate ? Math.Round(rate * 100, 1, MidpointRounding.AwayFromZero) : null,
                dissemination.UnitsCompleted.Numerator,
                dissemination.UnitsCompleted.Denominator,
                dissemination.MembersReached),
            new InspectionsResponse(
                figures.Inspections.Teams, figures.Inspections.UnitsInspected, figures.Inspections.MembersInspected,
                figures.Inspections.OrganisationsSupervised, figures.Inspections.MembersSupervised),
            new DisciplineResponse(
                figures.Discipline.ByBody.ToDictionary(p => WireNames<DecidingBody>.ToWire(p.Key), p => new DisciplineCountsResponse(p.Value.Organisations, p.Value.Members)),
                figures.Discipline.WithManifestations,
                figures.Discipline.Total),
            new PersonnelResponse(
                figures.Personnel.Moves,
                figures.Personnel.UnderDirective,
                figures.Personnel.ByPostKind.ToDictionary(p => WireNames<PostKind>.ToWire(p.Key), p => p.Value)),
            new FollowUpResponse(figures.FollowUp.AsOf, figures.FollowUp.Open, figures.FollowUp.Done, figures.FollowUp.Overdue));
    }
}
