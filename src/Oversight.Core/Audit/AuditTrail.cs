using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Oversight.Organisation;

namespace Oversight.Audit;

/// <summary>Turns tracked changes into audit entries.</summary>
internal static class AuditTrail
{
    /// <summary>Model annotation on a property whose value never goes into the audit trail (password hashes, token hashes).</summary>
    public const string NotAudited = "Oversight:NotAudited";

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>A change captured before it is saved; the key is read after saving, when generated keys are known.</summary>
    public sealed record PendingChange(EntityEntry Entry, string Action, string? Before, string? After, Guid? UnitId);

    public static List<PendingChange> Capture(ChangeTracker tracker)
    {
        var changes = new List<PendingChange>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var audited = entry.Properties.Where(p => p.Metadata.FindAnnotation(NotAudited) is null && !p.Metadata.IsShadowProperty()).ToList();
            switch (entry.State)
            {
                case EntityState.Added:
                    changes.Add(new(entry, "create", null, Serialize(audited, p => p.CurrentValue), UnitOf(entry)));
                    break;
                case EntityState.Deleted:
                    changes.Add(new(entry, "delete", Serialize(audited, p => p.OriginalValue), null, UnitOf(entry)));
                    break;
                case EntityState.Modified:
                    var modified = audited.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (modified.Count > 0)
                    {
                        changes.Add(new(entry, "update", Serialize(modified, p => p.OriginalValue), Serialize(modified, p => p.CurrentValue), UnitOf(entry)));
                    }

                    break;
            }
        }

        return changes;
    }

    public static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return string.Empty;
        }

        return string.Join("|", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    public static string TypeName(IEntityType type) => type.ClrType.Name;

    private static Guid? UnitOf(EntityEntry entry) => entry.Entity switch
    {
        Unit unit => unit.Id,
        UnitVersion version => version.UnitId,
        _ => entry.Metadata.FindProperty("UnitId") is { } p && entry.Property(p.Name).CurrentValue is Guid id ? id : null,
    };

    private static string Serialize(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            values[property.Metadata.Name] = value(property);
        }

        return JsonSerializer.Serialize(values, Json);
    }
}
