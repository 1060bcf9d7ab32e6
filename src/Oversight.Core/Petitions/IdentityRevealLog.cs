using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;

namespace Oversight.Petitions;

/// <summary>One look at a denouncer's identity: who, when, which case and why.</summary>
public sealed record IdentityRevealRow(DateTimeOffset At, string Actor, Guid CaseId, string? CaseReference, Guid? UnitId, string Reason);

/// <summary>
/// The reveals of denouncers' identities in the caller's scope, newest first, read from the audit trail (each
/// reveal's entry keeps its reason): the handling unit's leaders see who saw which identity, when and why.
/// </summary>
public sealed class IdentityRevealLog(OversightDbContext db, CallerScope scope)
{
    public async Task<RegisterPage<IdentityRevealRow>> ReadAsync(RegisterSlice slice, CancellationToken cancellationToken = default)
    {
        var units = await scope.FilterAsync(cancellationToken);
        var reveals = db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == DenouncerIdentity.RevealAction && e.EntityType == nameof(CitizenCase));
        if (units.UnitIds is { } ids)
        {
            reveals = reveals.Where(e => e.UnitId != null && ids.Contains(e.UnitId.Value));
        }

        return await RegisterPage.ReadAsync(reveals.OrderByDescending(e => e.Id), slice, async (entries, token) =>
        {
            var caseIds = entries.Select(e => Guid.Parse(e.EntityId)).Distinct().ToList();
            var references = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, token);
            return entries.Select(e =>
            {
                var caseId = Guid.Parse(e.EntityId);
                var reason = e.After is null ? string.Empty : JsonSerializer.Deserialize<DenouncerIdentity.RevealReason>(e.After)?.Reason ?? string.Empty;
                return new IdentityRevealRow(e.At, e.Actor, caseId, references.GetValueOrDefault(caseId), e.UnitId, reason);
            }).ToList();
        }, cancellationToken);
    }
}
