using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Oversight.Accounts;
using Oversight.Data;

namespace Oversight.Petitions;

/// <summary>
/// Keeps a denouncer's identity secret, as the Law on Denunciations requires: encrypted at rest with ASP.NET Data
/// Protection (the key ring is in the database, shared by every node), decrypted only for a caller allowed to see
/// it, and every reveal written to the audit trail.
/// </summary>
public sealed class DenouncerIdentity(IDataProtectionProvider protection, OversightDbContext db, Caller caller)
{
    private const string Purpose = "Oversight.Petitions.DenouncerIdentity.v1";

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    /// <summary>The ciphertext kept in <see cref="CitizenCase.ProtectedIdentity"/>.</summary>
    public string Protect(PetitionerDetails details) => protector.Protect(JsonSerializer.Serialize(details));

    /// <summary>
    /// Whether the caller may see who denounced: inspectors and leaders whose scope holds the case (the caller's
    /// scope has been checked before the case was loaded), and the officer the case is assigned to.
    /// </summary>
    public bool MayReveal(CitizenCase citizenCase) =>
        caller.IsInRole(Roles.Inspector) || caller.IsInRole(Roles.Leader) ||
        (caller.UserId is not null && caller.UserId == citizenCase.AssigneeUserId);

    /// <summary>Decrypts the identity for an allowed caller and audits the reveal; null when not allowed or not confidential.</summary>
    public async Task<PetitionerDetails?> RevealAsync(CitizenCase citizenCase, CancellationToken cancellationToken = default)
    {
        if (citizenCase.ProtectedIdentity is null || !MayReveal(citizenCase))
        {
            return null;
        }

        var details = JsonSerializer.Deserialize<PetitionerDetails>(protector.Unprotect(citizenCase.ProtectedIdentity));
        await db.AuditReadAsync("reveal", nameof(CitizenCase), citizenCase.Id.ToString(), citizenCase.UnitId, cancellationToken);
        return details;
    }
}
