using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Oversight.Web.Public;

namespace Oversight.Web.Pages;

/// <summary>
/// The error page: unhandled exceptions and every status code without a body outside the API (a mistyped
/// address, a rejected form) end here. Public, and it accepts any method because a failed POST is re-executed
/// here as a POST.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string? RequestId { get; private set; }

    public IActionResult OnGet(int? status) => Describe(status);

    public IActionResult OnPost(int? status) => Describe(status);

    /// <summary>The page, or for a client that sent or asked for JSON a problem description with the same status.</summary>
    private IActionResult Describe(int? status)
    {
        Status = status ?? (Response.StatusCode >= 400 ? Response.StatusCode : 500);
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        return PublicChannelSetup.WantsJson(Request)
            ? new ObjectResult(new ProblemDetails { Status = Status, Title = ReasonPhrases.GetReasonPhrase(Status) }) { StatusCode = Status, ContentTypes = { "application/problem+json" } }
            : Page();
    }
}
