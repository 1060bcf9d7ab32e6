using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Oversight.Data;
using Oversight.Organisation;

namespace Oversight.Accounts;

/// <summary>An expected failure of an account operation, with the reason to show.</summary>
public sealed record AccountError(string Message);

/// <summary>An account as the administrators' list shows it.</summary>
public sealed record AccountSummary(string UserName, string? DisplayName, string Role, UnitSnapshot? Unit, bool Disabled, string? Email = null);

/// <summary>Where and how an account's holder is told what waits: e-mail address, language, and whether daily digests come.</summary>
/// <param name="Email">The address; null for none.</param>
/// <param name="Language">One of <see cref="Languages.All"/>.</param>
/// <param name="ReceivesDigests">Whether the daily digest is sent.</param>
public sealed record NotificationPreferences(string? Email, string Language, bool ReceivesDigests);

/// <summary>
/// Creates, changes, disables and lists accounts and their personal access tokens. Used by the CLI, the demo and the
/// administrators' page. Every change is saved with a new security stamp, so the account's sessions end.
/// </summary>
public sealed class AccountService(
    UserManager<OversightUser> users,
    OversightDbContext db,
    UnitGraphCache graphs,
    TimeProvider time)
{
    /// <summary>Prefix of every personal access token, so a leaked one is recognisable.</summary>
    public const string TokenPrefix = "ovs_";

    /// <summary>The lockout end of a disabled account (a date both databases keep exactly).</summary>
    private static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How long a token lives when its expiry is not given.</summary>
    public const int DefaultTokenDays = 90;

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

    /// <summary>
    /// Creates a personal access token for a user and returns it; only its hash is stored. It expires at the end of
    /// <paramref name="expiresOn"/> (Vietnam time), by default <see cref="DefaultTokenDays"/> days from today.
    /// </summary>
    public async Task<(string? Token, AccountError? Error)> CreateTokenAsync(string userName, string tokenName, DateOnly? expiresOn = null, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return (null, NoSuchUser(userName));
        }

        var today = VietnamTime.Today(time);
        var lastDay = expiresOn ?? today.AddDays(DefaultTokenDays);
        if (lastDay < today)
        {
            return (null, new($"the expiry {lastDay:yyyy-MM-dd} is before today ({today:yyyy-MM-dd})"));
        }

        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        db.PersonalAccessTokens.Add(new PersonalAccessToken
        {
            UserId = user.Id,
            Name = tokenName,
            TokenHash = HashToken(token),
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).ToUniversalTime(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return (token, null);
    }

    /// <summary>A user's tokens, newest first: never the token itself, which is not kept.</summary>
    public async Task<(IReadOnlyList<PersonalAccessToken> Tokens, AccountError? Error)> ListTokensAsync(string userName, CancellationToken cancellationToken = default)
    {
        if (await users.FindByNameAsync(userName) is not { } user)
        {
            return ([], NoSuchUser(userName));
        }

        var tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync(cancellationToken);
        return (tokens.OrderByDescending(t => t.CreatedAt).ToList(), null);
    }

    /// <summary>Revokes one token, by its id; it stops at its next use.</summary>
    public async Task<AccountError?> RevokeTokenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } token)
        {
            return new($"no token has id {id}");
        }

        token.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Revokes every token of a user not revoked yet; returns how many.</summary>
    public async Task<(int Revoked, AccountError? Error)> RevokeTokensAsync(string userName, CancellationToken cancellationToken = default)
    {
        if (await users.FindByNameAsync(userName) is not { } user)
        {
            return (0, NoSuchUser(userName));
        }

        var open = await db.PersonalAccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var token in open)
        {
            token.RevokedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return (open.Count, null);
    }

    /// <summary>Every account with its role, scope unit (today's name) and whether it is disabled, by name.</summary>
    public Task<IReadOnlyList<AccountSummary>> ListUsersAsync(CancellationToken cancellationToken = default) =>
        SummariesAsync(db.Users, cancellationToken);

    /// <summary>One account as <see cref="ListUsersAsync"/> shows it; null when there is none of that name.</summary>
    public async Task<AccountSummary?> FindUserAsync(string userName, CancellationToken cancellationToken = default) =>
        (await SummariesAsync(db.Users.Where(u => u.UserName == userName), cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<AccountSummary>> SummariesAsync(IQueryable<OversightUser> accounts, CancellationToken cancellationToken)
    {
        var graph = await graphs.GetAsync(db, cancellationToken);
        var found = await accounts.AsNoTracking().ToListAsync(cancellationToken);
        var ids = found.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return found
            .OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new AccountSummary(
                u.UserName!,
                u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().FirstOrDefault() ?? "",
                u.ScopeUnitId is { } unit ? graph.Latest(unit) : null,
                IsDisabled(u),
                u.Email))
            .ToList();
    }

    /// <summary>
    /// Disables an account: it cannot sign in, its tokens stop at once, and its sessions end on every node within
    /// the minute in which sessions are checked (its security stamp changes).
    /// </summary>
    public Task<AccountError?> DisableAsync(string userName) => ChangeAsync(userName, user =>
    {
        user.LockoutEnabled = true;
        user.LockoutEnd = DisabledUntil;
        return Task.FromResult<AccountError?>(null);
    });

    /// <summary>Enables a disabled (or locked-out) account again.</summary>
    public Task<AccountError?> EnableAsync(string userName) => ChangeAsync(userName, user =>
    {
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        return Task.FromResult<AccountError?>(null);
    });

    /// <summary>Gives the account one role instead of the one it has; every role but administrator keeps needing a unit.</summary>
    public Task<AccountError?> SetRoleAsync(string userName, string role) => ChangeAsync(userName, async user =>
    {
        if (!Roles.All.Contains(role))
        {
            return new($"role '{role}' is not one of: {string.Join(", ", Roles.All)}");
        }

        if (role != Roles.Administrator && user.ScopeUnitId is null)
        {
            return new($"a {role} account needs a unit: give it one first with users set-unit {userName} --unit CODE");
        }

        var removed = await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
        return added.Succeeded ? null : new AccountError(string.Join("; ", added.Errors.Select(e => e.Description)));
    });

    /// <summary>Scopes the account to another unit, named by its code as of <paramref name="asOf"/> (default today).</summary>
    public Task<AccountError?> SetUnitAsync(string userName, string unitCode, DateOnly? asOf) => ChangeAsync(userName, async user =>
    {
        var day = asOf ?? VietnamTime.Today(time);
        if ((await graphs.GetAsync(db)).Find(unitCode, day)?.Id is not { } unit)
        {
            return new($"no unit has code '{unitCode}' on {day:yyyy-MM-dd}");
        }

        user.ScopeUnitId = unit;
        return null;
    });

    /// <summary>Sets a new password, checked as every password is; the account's sessions end.</summary>
    public Task<AccountError?> ResetPasswordAsync(string userName, string password) => ChangeAsync(userName, async user =>
    {
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, password);
            if (!checkedPassword.Succeeded)
            {
                return new(string.Join("; ", checkedPassword.Errors.Select(e => e.Description)));
            }
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        return null;
    });

    /// <summary>Sets the account's e-mail address, or removes it when <paramref name="email"/> is empty.</summary>
    public Task<AccountError?> SetEmailAsync(string userName, string? email) => ChangeAsync(userName, user => Task.FromResult(ApplyEmail(user, email)));

    /// <summary>The notification preferences of the account with <paramref name="userId"/>; null when there is none.</summary>
    public async Task<NotificationPreferences?> PreferencesAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user ? new(user.Email, user.Language, user.ReceivesDigests) : null;

    /// <summary>
    /// The holder of an account changes where and how they are told what waits. Audited as every change of an account;
    /// their sessions go on (the security stamp stays).
    /// </summary>
    public async Task<AccountError?> SetPreferencesAsync(string userId, NotificationPreferences preferences)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new($"no account has id '{userId}'");
        }

        if (!Languages.All.Contains(preferences.Language))
        {
            return new($"language '{preferences.Language}' is not one of: {string.Join(", ", Languages.All)}");
        }

        if (ApplyEmail(user, preferences.Email) is { } error)
        {
            return error;
        }

        user.Language = preferences.Language;
        user.ReceivesDigests = preferences.ReceivesDigests;
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded ? null : new AccountError(string.Join("; ", updated.Errors.Select(e => e.Description)));
    }

    /// <summary>An address alone (<c>name@example.org</c>), without a display name or angle brackets.</summary>
    public static bool IsEmailAddress(string email) =>
        MailAddress.TryCreate(email, out var address) && address.Address == email && address.DisplayName.Length == 0;

    private AccountError? ApplyEmail(OversightUser user, string? email)
    {
        var address = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (address is not null && !IsEmailAddress(address))
        {
            return new($"'{address}' is not an e-mail address");
        }

        user.Email = address;
        user.NormalizedEmail = address is null ? null : users.NormalizeEmail(address);
        return null;
    }

    /// <summary>Ends every session of the account on every node, within the minute in which sessions are checked.</summary>
    public Task<AccountError?> EndSessionsAsync(string userName) => ChangeAsync(userName, _ => Task.FromResult<AccountError?>(null));

    /// <summary>A disabled account: locked out for good (a lockout after failed sign-ins ends).</summary>
    public static bool IsDisabled(OversightUser user) => user.LockoutEnd >= DisabledUntil;

    /// <summary>Applies a change to an account and, when it succeeds, a new security stamp, which ends its sessions.</summary>
    private async Task<AccountError?> ChangeAsync(string userName, Func<OversightUser, Task<AccountError?>> change)
    {
        if (await users.FindByNameAsync(userName) is not { } user)
        {
            return NoSuchUser(userName);
        }

        if (await change(user) is { } error)
        {
            return error;
        }

        var updated = await users.UpdateSecurityStampAsync(user);
        return updated.Succeeded ? null : new AccountError(string.Join("; ", updated.Errors.Select(e => e.Description)));
    }

    private static AccountError NoSuchUser(string userName) => new($"user '{userName}' does not exist");

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
