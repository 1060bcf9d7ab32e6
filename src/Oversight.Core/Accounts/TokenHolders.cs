using Microsoft.EntityFrameworkCore;
using Oversight.Data;

namespace Oversight.Accounts;

/// <summary>Finds the account behind a personal access token; needs nothing but the database, as it runs on every API call.</summary>
public sealed class TokenHolders(OversightDbContext db, TimeProvider time)
{
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromHours(1);

    /// <summary>
    /// Whose a presented token is, when the token is known, not revoked and not expired: one query, so that an API
    /// call does not load the account and its roles each time (see <see cref="TokenHolder.AccountStamp"/>).
    /// </summary>
    public async Task<TokenHolder?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(AccountService.TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        var hash = AccountService.HashToken(token);
        var holder = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { TokenId = t.Id, t.ExpiresAt, t.LastUsedAt, u.Id, u.ConcurrencyStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (holder is null || holder.ExpiresAt <= now || holder.LockoutEnd > now)
        {
            return null;
        }

        var useToRecord = holder.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUseResolution;
        return new TokenHolder(hash, holder.Id, holder.ConcurrencyStamp ?? string.Empty, useToRecord ? holder.TokenId : null);
    }

    /// <summary>
    /// Keeps when a token was last used, to the hour: one small write an hour per token, not one per call, made after
    /// the response so that no API call waits on another writer for it (not audited: it records no decision).
    /// </summary>
    public Task RecordUseAsync(Guid tokenId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return db.PersonalAccessTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
    }
}

/// <summary>
/// The account behind a token. <c>AccountStamp</c> is the account's concurrency stamp, which changes with every change
/// to the account (roles, scope, lockout, password): claims built for one stamp stay right while it is unchanged.
/// <c>UseToRecord</c> is the token's id when its last use is an hour old or more (<see cref="TokenHolders.RecordUseAsync"/>).
/// </summary>
public sealed record TokenHolder(string TokenHash, string UserId, string AccountStamp, Guid? UseToRecord);
