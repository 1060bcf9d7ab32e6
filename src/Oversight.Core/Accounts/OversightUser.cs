using Microsoft.AspNetCore.Identity;

namespace Oversight.Accounts;

/// <summary>An account. Every account but an administrator's is scoped to one unit's subtree.</summary>
public sealed class OversightUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>The unit whose subtree (and that unit's predecessors' subtrees) the account sees; null only for administrators.</summary>
    public Guid? ScopeUnitId { get; set; }

    /// <summary>The person the account belongs to, if recorded: a member of an inspection's team acts as that member (the head of a delegation approves its report).</summary>
    public Guid? PersonId { get; set; }

    /// <summary>The language of the account's e-mails and notifications: <c>vi</c> or <c>en</c> (<see cref="Languages"/>).</summary>
    public string Language { get; set; } = Languages.Vietnamese;

    /// <summary>Whether the account receives the daily digest of what waits for it (on unless its holder turns it off).</summary>
    public bool ReceivesDigests { get; set; } = true;
}

/// <summary>The languages Oversight writes to people in, Vietnamese first.</summary>
public static class Languages
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Vietnamese, English];
}

/// <summary>The four roles.</summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string Inspector = "inspector";
    public const string Leader = "leader";
    public const string Officer = "officer";

    public static IReadOnlyList<string> All { get; } = [Administrator, Inspector, Leader, Officer];
}

/// <summary>A personal access token for the API. Only its SHA-256 hash is stored.</summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string UserId { get; init; }

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>When the token was last presented, to the hour (it is written at most once an hour).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}
