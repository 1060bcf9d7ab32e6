using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Oversight.Petitions;
using Oversight.Web.Public;

namespace Oversight.Web.Pages.Public.Petitions;

/// <summary>
/// <c>GET /public/petitions/{code}</c>: a case's status, received date, unit and public steps and answers, for
/// anyone who holds its tracking code; JSON when the client asks for <c>application/json</c>. An unknown or
/// malformed code is the same 404. Look-ups are rate-limited per client so that codes cannot be guessed.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicChannelSetup.LookupsPolicy)]
public sealed class StatusModel(PublicChannel channel) : PageModel
{
    public PublicCaseStatus Case { get; private set; } = null!;

    /// <summary>The citizen has just sent the petition (<c>?received=new</c>), or sent it again within minutes (<c>?received=again</c>).</summary>
    public string? Received { get; private set; }

    /// <summary>The status page as the public form sends the citizen to it once the petition is stored.</summary>
    public static string JustReceivedAddress(string trackingCode, bool repeated) =>
        $"/public/petitions/{Uri.EscapeDataString(trackingCode)}?received={(repeated ? "again" : "new")}";

    public async Task<IActionResult> OnGetAsync(string code, string? received, CancellationToken cancellationToken)
    {
        var found = await channel.StatusAsync(code, cancellationToken);
        var json = PublicChannelSetup.WantsJson(Request);
        if (found is null)
        {
            return json
                ? new JsonResult(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "No case has this tracking code." }) { StatusCode = StatusCodes.Status404NotFound, ContentType = "application/problem+json" }
                : NotFound();
        }

        if (json)
        {
            return new JsonResult(found);
        }

        Case = found;
        Received = received is "new" or "again" ? received : null;
        return Page();
    }
}
