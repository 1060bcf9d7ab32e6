using Microsoft.AspNetCore.Http.HttpResults;
using Oversight.PublicServices;
using Oversight.Web.Accounts;
using Oversight.Web.Hosting;

namespace Oversight.Web.PublicServices;

public sealed record DossierListResponse(IReadOnlyList<DossierEntry> Dossiers, int Page, int PageSize, bool HasNextPage);

/// <summary>The dossiers of administrative procedures copied from the public-service portal.</summary>
public static class PublicServiceEndpoints
{
    public static void MapPublicServiceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/units")
            .RequireAuthorization(Policies.Api)
            .WithTags("Public services")
            .MapGet("/{code}/dossiers", ListDossiers)
            .WithName("ListDossiers")
            .WithSummary("The dossiers received by a unit's subtree: newest receipt first, paged")
            .WithDescription("Filters: asOf (YYYY-MM-DD), from/to (received, YYYY-MM-DD), level (province, district, commune), channel (online, in-person, postal), state (open, overdue, completed, late), page (from 1), pageSize (up to 200). The subtree is the unit's as it stood on asOf (default to, or today). 404 when no unit carries the code then, or it lies outside the caller's scope. Figures over the dossiers are indicators (GET /api/v1/units/{code}/indicators, area public-services).");
    }

    private static async Task<Results<Ok<DossierListResponse>, NotFound, ValidationProblem>> ListDossiers(
        string code, string? asOf, string? from, string? to, string? level, string? channel, string? state, string? page, string? pageSize, DossierRegister register, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new DossierFilter(
            code,
            QueryFields.OptionalDate(asOf, nameof(asOf), errors),
            QueryFields.OptionalDate(from, nameof(from), errors),
            QueryFields.OptionalDate(to, nameof(to), errors),
            QueryFields.OptionalEnum<ServiceLevel>(level, nameof(level), errors),
            QueryFields.OptionalEnum<DossierChannel>(channel, nameof(channel), errors),
            QueryFields.OptionalEnum<DossierState>(state, nameof(state), errors));
        var pageNumber = QueryFields.OptionalNumber(page, nameof(page), 1, int.MaxValue / RegisterPage.MaxPageSize, errors) ?? 1;
        var size = QueryFields.OptionalNumber(pageSize, nameof(pageSize), 1, RegisterPage.MaxPageSize, errors) ?? 50;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = await register.PageAsync(filter, RegisterSlice.OnePage(pageNumber, size), cancellationToken);
        return found is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new DossierListResponse(found.Rows, found.Page, found.PageSize, found.HasNextPage));
    }
}
