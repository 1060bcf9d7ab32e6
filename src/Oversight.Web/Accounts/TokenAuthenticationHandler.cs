using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Oversight.Accounts;

namespace Oversight.Web.Accounts;

/// <summary>Authenticates API calls by a personal access token in <c>Authorization: Bearer …</c>.</summary>
/// <remarks>
/// Each call checks the token (known, not revoked, not expired, account not locked) in the database; the claims
/// built from the account and its roles are kept per token while the account's stamp is unchanged, so a revoked
/// token, a locked account or a changed role takes effect on the next call, on every node.
/// </remarks>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenHolders tokenHolders,
    TokenClaimsCache claimsCache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var holder = await tokenHolders.FindAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (holder is null)
        {
            return AuthenticateResult.Fail("The token is not valid.");
        }

        if (holder.UseToRecord is { } tokenId)
        {
            var scopes = Context.RequestServices.GetRequiredService<IServiceScopeFactory>();
            Response.OnCompleted(async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TokenHolders>().RecordUseAsync(tokenId);
            });
        }

        var claims = claimsCache.Find(holder);
        if (claims is null)
        {
            // Resolved only here: the account's managers are costly to build on every call.
            var user = await Context.RequestServices.GetRequiredService<UserManager<OversightUser>>().FindByIdAsync(holder.UserId);
            if (user is null)
            {
                return AuthenticateResult.Fail("The token is not valid.");
            }

            claims = [.. (await Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<OversightUser>>().CreateAsync(user)).Claims];
            claimsCache.Keep(holder, claims);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}

/// <summary>The claims of each token's account as of its stamp (tokens are few: one entry each).</summary>
public sealed class TokenClaimsCache
{
    private readonly ConcurrentDictionary<string, (string AccountStamp, IReadOnlyList<Claim> Claims)> byToken = new(StringComparer.Ordinal);

    public IReadOnlyList<Claim>? Find(TokenHolder holder) =>
        byToken.TryGetValue(holder.TokenHash, out var kept) && kept.AccountStamp == holder.AccountStamp ? kept.Claims : null;

    public void Keep(TokenHolder holder, IReadOnlyList<Claim> claims) => byToken[holder.TokenHash] = (holder.AccountStamp, claims);
}
