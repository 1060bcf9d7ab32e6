using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Oversight.Accounts;

namespace Oversight.Web.Accounts;

/// <summary>Adds the account's scope unit to its claims, so each request knows its scope without a lookup.</summary>
public sealed class ScopeClaimsPrincipalFactory(
    UserManager<OversightUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<OversightUser, IdentityRole>(users, roles, options)
{
    public const string ScopeClaim = "oversight:scope";
    public const string DisplayNameClaim = "oversight:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OversightUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.ScopeUnitId is { } scope)
        {
            identity.AddClaim(new Claim(ScopeClaim, scope.ToString()));
        }

        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName ?? user.UserName ?? string.Empty));
        return identity;
    }
}

/// <summary>Fills the request's <see cref="Caller"/> from the authenticated principal.</summary>
public static class CallerMiddleware
{
    public static IApplicationBuilder UseCaller(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated == true)
        {
            var caller = context.RequestServices.GetRequiredService<Caller>();
            var scope = Guid.TryParse(principal.FindFirstValue(ScopeClaimsPrincipalFactory.ScopeClaim), out var id) ? id : (Guid?)null;
            caller.SetUser(
                principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
                principal.Identity.Name ?? string.Empty,
                principal.FindAll(ClaimTypes.Role).Select(c => c.Value),
                scope);
        }

        await next(context);
    });
}
