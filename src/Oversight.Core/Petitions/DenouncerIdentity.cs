using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Records;
using Oversight.Rules;
using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>Who a rule pack may name as a reader of a denouncer's identity (<c>denunciation.identity.readers</c>).</summary>
public enum IdentityReader
{
    /// <summary>The officer a leader of the handling unit assigned the denunciation to.</summary>
    Assignee,

    /// <summary>Leaders whose scope holds the handling unit.</summary>
    UnitLeaders,

    Inspectors,

    Administrators,
}

/// <summary>What a request to see a denouncer's identity came to.</summary>
public sealed record IdentityReveal(PetitionerDetails? Details, bool Forbidden, IReadOnlyList<FieldError> Errors)
{
    public static IdentityReveal Refused { get; } = new(null, true, []);
}

/// <summary>
/// Keeps a denouncer's identity secret, as the Law on Denunciations requires: encrypted at rest with ASP.NET Data
/// Protection, decrypted only for the readers the rule in force names, each reveal with its reason written to the
/// audit trail; and a denunciation is given to its resolver only by a leader of the handling unit or an
/// administrator, never by the assignee to themselves, so that naming oneself cannot open the identity.
/// </summary>
/// <remarks>
/// The caller's scope has been checked before the case was loaded: a leader who has the case in hand leads the
/// handling unit or a unit above it. Which readers the law allows comes from the rule pack in force on the day of
/// the reveal (<see cref="RuleKey"/>); with no rule in force nobody may see the identity.
/// </remarks>
public sealed class DenouncerIdentity(
    IDataProtectionProvider protection, OversightDbContext db, Caller caller, RuleBook ruleBook, TimeProvider time)
{
    public const string RuleKey = "denunciation.identity.readers";

    /// <summary>The audit action of a reveal; its entry's <c>After</c> holds the reason.</summary>
    public const string RevealAction = "reveal";

    private const string Purpose = "Oversight.Petitions.DenouncerIdentity.v1";
    private const int ReasonLength = 500;

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    /// <summary>The ciphertext kept in <see cref="CitizenCase.ProtectedIdentity"/>.</summary>
    public string Protect(PetitionerDetails details) => protector.Protect(JsonSerializer.Serialize(details));

    /// <summary>Whether the caller is one of the readers the rule in force today names for this case.</summary>
    public async Task<bool> MayRevealAsync(CitizenCase citizenCase, CancellationToken cancellationToken = default)
    {
        var rule = (await ruleBook.GetAsync(db, cancellationToken)).Find(RuleKey, VietnamTime.Today(time));
        if (citizenCase.ProtectedIdentity is null || rule is null)
        {
            return false;
        }

        return rule.Value.Names.Any(name => WireNames<IdentityReader>.TryParse(name, out var reader) && reader switch
        {
            IdentityReader.Assignee => caller.UserId is not null && caller.UserId == citizenCase.AssigneeUserId,
            IdentityReader.UnitLeaders => caller.IsInRole(Roles.Leader),
            IdentityReader.Inspectors => caller.IsInRole(Roles.Inspector),
            IdentityReader.Administrators => caller.IsAdministrator,
            _ => false,
        });
    }

    /// <summary>
    /// Whether the caller may give <paramref name="citizenCase"/> to <paramref name="assigneeUserId"/>: anyone may
    /// assign a complaint or a petition; a denunciation only a leader or an administrator, and not to themselves.
    /// </summary>
    public bool MayAssign(CitizenCase citizenCase, string assigneeUserId) =>
        citizenCase.Kind != CaseKind.Denunciation
        || ((caller.IsInRole(Roles.Leader) || caller.IsAdministrator) && caller.UserId != assigneeUserId);

    /// <summary>
    /// Decrypts the identity for an allowed reader who gives a reason, and audits the reveal with it; refused when the
    /// caller is not a reader or the case keeps no identity, an error on <c>reason</c> when none is given.
    /// </summary>
    public async Task<IdentityReveal> RevealAsync(CitizenCase citizenCase, string? reason, CancellationToken cancellationToken = default)
    {
        if (!await MayRevealAsync(citizenCase, cancellationToken))
        {
            return IdentityReveal.Refused;
        }

        var errors = new List<FieldError>();
        var why = RequestFields.Text(reason, "reason", ReasonLength, errors, required: true, multiline: true);
        if (why is null)
        {
            return new IdentityReveal(null, false, errors);
        }

        var details = JsonSerializer.Deserialize<PetitionerDetails>(protector.Unprotect(citizenCase.ProtectedIdentity!));
        await db.AuditEventAsync(RevealAction, nameof(CitizenCase), citizenCase.Id.ToString(), citizenCase.UnitId,
            new RevealReason(why), cancellationToken);
        return new IdentityReveal(details, false, []);
    }

    /// <summary>What a reveal's audit entry keeps beside who and when.</summary>
    public sealed record RevealReason(string Reason);
}
