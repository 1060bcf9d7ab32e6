using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Oversight.Web.Hosting;

namespace Oversight.Web.Pages;

/// <summary>
/// The language switch: remembers the chosen culture in the culture cookie and returns to the page the reader
/// was on. Public, so that the sign-in page can switch too.
/// </summary>
[AllowAnonymous]
public sealed class LanguageModel(TimeProvider time) : PageModel
{
    public IActionResult OnGet(string? culture, string? returnUrl)
    {
        var chosen = WebSetup.Cultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
        if (chosen is not null)
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = Request.IsHttps });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    /// <summary>
    /// The current page's address without culture parameters in its query, which would otherwise override the
    /// cookie just set. On an error page shown in place of another, the address asked for.
    /// </summary>
    public static string ReturnUrlFor(HttpRequest request)
    {
        var original = request.HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var path = original is null ? (request.PathBase + request.Path).Value! : original.OriginalPathBase + original.OriginalPath;
        var query = QueryHelpers.ParseQuery(original is null ? request.QueryString.Value : original.OriginalQueryString)
            .Where(p => !p.Key.Equals("culture", StringComparison.OrdinalIgnoreCase) && !p.Key.Equals("ui-culture", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryHelpers.AddQueryString(path, query);
    }
}
