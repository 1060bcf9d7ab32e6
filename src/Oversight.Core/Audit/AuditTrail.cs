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
    /// <summary>
    /// Model annotation on a property whose value never goes into the audit trail (password hashes, token hashes), or on
    /// an entity type whose rows are audited otherwise (copies of another system's records, audited by their import).
    /// </summary>
    public const string NotAudited = "Oversight:NotAudited";

    /// <summary>How audit entries write values: Vietnamese kept readable, enums by their wire names.</summary>
    public static readonly JsonSerializerOptions Json = new()
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
            if (entry.Entity is AuditEntry || entry.State is EntityState.Unchanged or EntityState.Detached || entry.Metadata.FindAnnotation(NotAudited) is not null)
            {
                continue;
            }

            var audited = entry.Properties.Where(p => IsAudited(p.Metadata)).ToList();
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

    /// <summary>One change ready for the chain: what happened to which entity, with its values before and after.</summary>
    public sealed record AuditRecord(string Action, string EntityType, string EntityId, Guid? UnitId, string? Before, string? After);

    /// <summary>
    /// Describes the creation of entities that are inserted without the change tracker (a bulk path), each with the
    /// same values, key and unit a save would audit; the caller appends them to the chain in the same transaction.
    /// </summary>
    public static List<AuditRecord> DescribeCreates(IModel model, IEnumerable<object> entities) =>
        entities.Select(entity => DescribeCreate(model.FindEntityType(entity.GetType())!, entity)).ToList();

    private static AuditRecord DescribeCreate(IEntityType type, object entity)
    {
        object? Value(IReadOnlyProperty property) => property.IsShadowProperty() ? null : ((IProperty)property).GetGetter().GetClrValue(entity);
        var after = Serialize(type.GetProperties().Where(IsAudited).Select(p => (p.Name, Value(p))));
        return new AuditRecord("create", TypeName(type), KeyOf(type, Value), UnitOf(entity, type, Value), null, after);
    }

    /// <summary>A captured change, once the save has given the entity its key.</summary>
    public static AuditRecord ToRecord(PendingChange change) =>
        new(change.Action, TypeName(change.Entry.Metadata), KeyOf(change.Entry), change.UnitId, change.Before, change.After);

    public static string KeyOf(EntityEntry entry) => KeyOf(entry.Metadata, p => entry.Property(p.Name).CurrentValue);

    public static string TypeName(IEntityType type) => type.ClrType.Name;

    private static bool IsAudited(IReadOnlyProperty property) => property.FindAnnotation(NotAudited) is null && !property.IsShadowProperty();

    private static string KeyOf(IEntityType type, Func<IReadOnlyProperty, object?> value) => type.FindPrimaryKey() is { } key
        ? string.Join("|", key.Properties.Select(p => Convert.ToString(value(p), System.Globalization.CultureInfo.InvariantCulture)))
        : string.Empty;

    private static Guid? UnitOf(EntityEntry entry) => UnitOf(entry.Entity, entry.Metadata, p => entry.Property(p.Name).CurrentValue);

    private static Guid? UnitOf(object entity, IEntityType type, Func<IReadOnlyProperty, object?> value) => entity switch
    {
        Unit unit => unit.Id,
        UnitVersion version => version.UnitId,
        IUnitRecord record => record.RecordUnitId,
        _ => type.FindProperty("UnitId") is { } p && value(p) is Guid id ? id : null,
    };

    private static string Serialize(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value) =>
        Serialize(properties.Select(p => (p.Metadata.Name, value(p))));

    private static string Serialize(IEnumerable<(string Name, object? Value)> properties)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            values[name] = value;
        }

        return JsonSerializer.Serialize(values, Json);
    }
}
