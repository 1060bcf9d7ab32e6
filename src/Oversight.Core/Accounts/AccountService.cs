using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Oversight.Data;
using Oversight.Organisation;

namespace Oversight.Accounts;

/// <summary>An expected failure of an account operation, with the reason to show.</summary>
public sealed record AccountError(string Message);

/// <summary>Creates accounts and personal access tokens. Used by the CLI, the demo and the administration pages.</summary>
public sealed class AccountService(
    UserManager<OversightUser> users,
    OversightDbContext db,
    UnitGraphCache graphs,
    TimeProvider time)
{
    /// <summary>Prefix of every personal access token, so a leaked one is recognisable.</summary>
    public const string TokenPrefix = "ovs_";

    /// <summary>
    /// Adds an account with one role. Every role but administrator needs a scope unit, named by its code as of
    /// <paramref name="asOf"/> (default today).
    /// </summary>
    public async Task<AccountError?> AddUserAsync(string userName, string role, string? unitCode, DateOnly? asOf, string password, string? displayName = null, CancellationToken cancellationToken = default)
    {
        if (!Roles.All.Contains(role))
        {
            return new($"role '{role}' is not one of: {string.Join(", ", Roles.All)}");
        }

        Guid? scopeUnitId = null;
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var day = asOf ?? VietnamTime.Today(time);
            var graph = await graphs.GetAsync(db, cancellationToken);
            scopeUnitId = graph.Find(unitCode, day)?.Id;
            if (scopeUnitId is null)
            {
                return new($"no unit has code '{unitCode}' on {day:yyyy-MM-dd}");
            }
        }
        else if (role != Roles.Administrator)
        {
            return new($"a {role} account needs a unit (--unit CODE): accounts other than administrators see one unit's subtree");
        }

        if (await users.FindByNameAsync(userName) is not null)
        {
            return new($"user '{userName}' already exists");
        }

        var user = new OversightUser { UserName = userName, DisplayName = displayName ?? userName, ScopeUnitId = scopeUnitId };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? null : new(string.Join("; ", added.Errors.Select(e => e.Description)));
    }

    /// <summary>Creates a personal access token for a user and returns it; only its hash is stored.</summary>
    public async Task<(string? Token, AccountError? Error)> CreateTokenAsync(string userName, string tokenName, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return (null, new($"user '{userName}' does not exist"));
        }

        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        db.PersonalAccessTokens.Add(new PersonalAccessToken
        {
            UserId = user.Id,
            Name = tokenName,
            TokenHash = HashToken(token),
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return (token, null);
    }

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
