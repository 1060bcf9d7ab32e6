using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Oversight.Petitions;

namespace Oversight.Web.Public;

/// <summary>What a submission on the public channel answers: the code the citizen follows the case by.</summary>
public sealed record TrackingCodeResponse(string TrackingCode);

/// <summary>
/// The public channel's JSON submission, <c>POST /public/petitions</c> with <c>Content-Type: application/json</c>;
/// no account. An HTML form posted to the same address goes to the form page (Pages/Public/Petitions/New), and
/// <c>GET /public/petitions/{code}</c> is the status page, which answers JSON when asked for it.
/// </summary>
public static class PublicEndpoints
{
    public static void MapPublicEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/public/petitions", Submit)
            .Accepts<PublicPetition>("application/json")
            .AllowAnonymous()
            .RequireRateLimiting(PublicChannelSetup.SubmissionsPolicy)
            .WithMetadata(new PublicBodyLimitAttribute())
            .WithTags("Public")
            .WithName("SubmitPublicPetition")
            .WithSummary("A citizen submits a petition or complaint without an account")
            .WithDescription("kind: petition | complaint; unit: the code of a commune, ward or special zone of today's structure; subject; content; petitioner {name, address, phone}. Answers 201 with the tracking code; 200 with the same code when the same petition was sent within the last minutes (stored once); 400 names every invalid field and stores nothing; 413 when the body is larger than Public:MaxBodyBytes; 429 after too many submissions from one address.");
    }

    private static async Task<Results<Created<TrackingCodeResponse>, Ok<TrackingCodeResponse>, ValidationProblem>> Submit(HttpRequest request, PublicChannel channel, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        PublicPetition? petition;
        try
        {
            petition = await JsonSerializer.DeserializeAsync<PublicPetition>(request.Body, json.Value.SerializerOptions, cancellationToken);
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"not a petition in JSON: {exception.Message}"] }, title: "Nothing was recorded: the body is not valid JSON.");
        }

        var result = await channel.SubmitAsync(petition ?? new PublicPetition(null, null, null, null, null), cancellationToken);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "Nothing was recorded: some fields are not valid.");
        }

        var code = result.Case!.TrackingCode!;
        return result.Repeated ? TypedResults.Ok(new TrackingCodeResponse(code)) : TypedResults.Created($"/public/petitions/{code}", new TrackingCodeResponse(code));
    }
}
