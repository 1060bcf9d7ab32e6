using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        Status = status ?? (Response.StatusCode >= 400 ? Response.StatusCode : 500);
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
