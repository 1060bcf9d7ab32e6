using Microsoft.AspNetCore.Http.HttpResults;
using Oversight.Organisation;
using Microsoft.Extensions.Localization;
using Oversight.Web.Accounts;
using Oversight.Web.Localization;

namespace Oversight.Web.Organisation;

/// <summary>A unit as the API returns it.</summary>
public sealed record UnitResponse(string Code, string Name, UnitKind Kind, string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>One predecessor or successor.</summary>
public sealed record LineageResponse(string Code, string Name, UnitKind Kind, DateOnly Date, LineageKind Event, bool Partial, bool Uncertain, string? LegalBasis);

public sealed record UnitLineageResponse(UnitResponse Unit, IReadOnlyList<LineageResponse> Predecessors, IReadOnlyList<LineageResponse> Successors);

/// <summary>A unit a picker offers: its code (what the form sends), its name (what it shows) and what it says besides.</summary>
public sealed record UnitSuggestion(string Code, string Name, string? Note);

/// <summary>The organisation registry's JSON API. Units are addressed by code and an "as of" date (default today).</summary>
public static class OrganisationEndpoints
{
    public static void MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/v1/units")
            .RequireAuthorization(Policies.Api)
            .WithTags("Organisation");

        units.MapGet("/{code}", GetUnit)
            .WithName("GetUnit")
            .WithSummary("A unit as it was on a date")
            .WithDescription("The unit carrying the code on asOf (YYYY-MM-DD, default today). 404 when no unit carries the code then, or it lies outside the caller's scope.");
        units.MapGet("/{code}/children", GetChildren)
            .WithName("GetUnitChildren")
            .WithSummary("The units directly under a unit on a date");
        units.MapGet("/{code}/lineage", GetLineage)
            .WithName("GetUnitLineage")
            .WithSummary("What a unit was formed from and what became of it")
            .WithDescription("Predecessors and successors through merges and splits, each with its date; partial is true when only part of a unit is meant.");
        units.MapGet("/", Search)
            .WithName("SearchUnits")
            .WithSummary("Units whose name or code matches, ignoring diacritics and đ/Đ");

        // The pages' unit picker (wwwroot/js/unit-picker.js), signed in like the pages it serves.
        app.MapGet("/units/suggestions", Suggest)
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();
    }

    /// <summary>The units a name typed in a unit picker may stand for on <paramref name="on"/> (default today), within the caller's scope (<see cref="UnitDirectory.ChoicesAsync"/>).</summary>
    private static async Task<Ok<UnitSuggestion[]>> Suggest(string? q, DateOnly? on, UnitDirectory directory, IStringLocalizer<Strings> text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return TypedResults.Ok(Array.Empty<UnitSuggestion>());
        }

        var day = on ?? directory.Today;
        var choices = await directory.ChoicesAsync(q, day, 12, cancellationToken);
        return TypedResults.Ok(choices.Select(c => new UnitSuggestion(c.Unit.Code, c.Unit.Name, text.UnitChoiceNote(c, day))).ToArray());
    }

    private static async Task<Results<Ok<UnitResponse>, NotFound>> GetUnit(string code, DateOnly? asOf, UnitDirectory directory, CancellationToken cancellationToken)
    {
        var unit = await directory.FindAsync(code, asOf, cancellationToken);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(ToResponse(unit, await directory.GraphAsync(cancellationToken)));
    }

    private static async Task<Results<Ok<UnitResponse[]>, NotFound>> GetChildren(string code, DateOnly? asOf, UnitDirectory directory, CancellationToken cancellationToken)
    {
        var children = await directory.ChildrenAsync(code, asOf, cancellationToken);
        if (children is null)
        {
            return TypedResults.NotFound();
        }

        var graph = await directory.GraphAsync(cancellationToken);
        return TypedResults.Ok(children.Select(c => ToResponse(c, graph)).ToArray());
    }

    private static async Task<Results<Ok<UnitLineageResponse>, NotFound>> GetLineage(string code, DateOnly? asOf, UnitDirectory directory, CancellationToken cancellationToken)
    {
        var lineage = await directory.LineageAsync(code, asOf, cancellationToken);
        if (lineage is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new UnitLineageResponse(
            ToResponse(lineage.Unit, await directory.GraphAsync(cancellationToken)),
            lineage.Predecessors.Select(ToResponse).ToArray(),
            lineage.Successors.Select(ToResponse).ToArray()));
    }

    private static async Task<Ok<UnitResponse[]>> Search(string q, DateOnly? asOf, UnitDirectory directory, CancellationToken cancellationToken)
    {
        var found = await directory.SearchAsync(q, asOf, 50, cancellationToken);
        var graph = await directory.GraphAsync(cancellationToken);
        return TypedResults.Ok(found.Select(u => ToResponse(u, graph)).ToArray());
    }

    private static UnitResponse ToResponse(UnitSnapshot unit, UnitGraph graph) =>
        new(unit.Code, unit.Name, unit.Kind, unit.ParentId is { } parentId ? graph.Latest(parentId)?.Code : null, unit.ValidFrom, unit.ValidTo);

    private static LineageResponse ToResponse(LineageView view) =>
        new(view.Step.Unit.Code, view.Step.Unit.Name, view.Step.Unit.Kind, view.Step.Date, view.Step.Kind, view.Step.Partial, view.Step.Uncertain, view.Step.LegalBasis);
}
