namespace Oversight.Accounts;

/// <summary>
/// Who is making the current request or command: their name for the audit trail, their roles and the unit
/// whose subtree they may see. Scoped to a request; the host fills it in after authentication.
/// </summary>
/// <remarks>Fails closed: a caller that is not an administrator and has no scope unit sees nothing.</remarks>
public sealed class Caller
{
    private HashSet<string> roles = [];

    /// <summary>The name written to the audit trail.</summary>
    public string Name { get; private set; } = "anonymous";

    public string? UserId { get; private set; }

    public Guid? ScopeUnitId { get; private set; }

    public bool IsAuthenticated => UserId is not null || roles.Count > 0;

    public bool IsAdministrator => roles.Contains(Roles.Administrator);

    public IReadOnlyCollection<string> RoleNames => roles;

    public bool IsInRole(string role) => roles.Contains(role);

    public void SetUser(string userId, string name, IEnumerable<string> roleNames, Guid? scopeUnitId)
    {
        UserId = userId;
        Name = name;
        roles = new HashSet<string>(roleNames, StringComparer.Ordinal);
        ScopeUnitId = scopeUnitId;
    }

    /// <summary>Acts for a citizen on the public channel: a name for the audit trail, no roles and no scope.</summary>
    public void SetPublic(string name)
    {
        UserId = null;
        Name = name;
        roles = [];
        ScopeUnitId = null;
    }

    /// <summary>Whether an audit name is the system's (<c>system:…</c> at start-up and for the demo, <c>cli:…</c> for a command) rather than an account's.</summary>
    public static bool IsSystemName(string name) => name.StartsWith("system:", StringComparison.Ordinal) || name.StartsWith("cli:", StringComparison.Ordinal);

    /// <summary>Acts as the system itself (CLI commands, start-up seeding): administrator scope.</summary>
    public void SetSystem(string name)
    {
        UserId = null;
        Name = name;
        roles = [Roles.Administrator];
        ScopeUnitId = null;
    }
}
