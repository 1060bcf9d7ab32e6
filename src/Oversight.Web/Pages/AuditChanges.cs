using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Audit;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages;

/// <summary>One changed field of an audit entry, as the reader sees it; a side is null when the entry has none (a create has no before).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>An audit entry made readable: when, who, what was done to what, and the fields before and after.</summary>
public sealed record AuditChangeView(DateTimeOffset At, string Actor, string Action, string Entity, IReadOnlyList<FieldChange> Fields);

/// <summary>
/// Turns the before/after JSON of audit entries into labelled, localised values; ids of units, people and other
/// records become their names. Serves the history of any record: a unit, a discipline decision, a move, an event.
/// </summary>
public static class AuditChanges
{
    /// <summary>Keys and derived values that say nothing to a reader.</summary>
    private static readonly HashSet<string> Hidden = ["Id", "SearchName", "SearchText", "ConcurrencyStamp"];

    /// <summary>Every id the entries' values mention, for the caller to name.</summary>
    public static IReadOnlySet<Guid> ReferencedIds(IEnumerable<AuditEntry> entries) =>
        entries.SelectMany(e => Parse(e.Before).Concat(Parse(e.After)))
            .Where(p => !Hidden.Contains(p.Key))
            .Select(p => p.Value.ValueKind == JsonValueKind.String && Guid.TryParse(p.Value.GetString(), out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToHashSet();

    /// <summary>The history of an accountability record the caller may see, described; <paramref name="ownKey"/> is the key by which its parts point at it.</summary>
    public static async Task<IReadOnlyList<AuditChangeView>> OfRecordAsync<TRecord>(
        AccountabilityRegister register, Guid id, string ownKey, IStringLocalizer<Strings> text, CancellationToken cancellationToken)
    {
        var history = await register.HistoryAsync<TRecord>(id, cancellationToken);
        return Describe(history, await register.RecordNamesAsync(ReferencedIds(history), cancellationToken), text, ownKey);
    }

    /// <param name="entries">The audit entries, newest first.</param>
    /// <param name="names">The names of ids: "Huyện Chương Mỹ (277)", "Nguyễn Văn Đông"; ids without one are shown as they are.</param>
    /// <param name="text">The pages' strings.</param>
    /// <param name="ownKey">The key by which the entries' rows point at the record whose history this is (a unit's versions and posts by <c>UnitId</c>, an event's attendance by <c>EventId</c>): the same on every row, so not shown.</param>
    public static IReadOnlyList<AuditChangeView> Describe(IEnumerable<AuditEntry> entries, IReadOnlyDictionary<Guid, string> names, IStringLocalizer<Strings> text, string ownKey) =>
        entries.Select(entry =>
        {
            var before = Parse(entry.Before);
            var after = Parse(entry.After);
            var fields = before.Keys.Union(after.Keys)
                .Where(key => !Hidden.Contains(key) && key != ownKey)
                .Select(key => new FieldChange(FieldLabel(text, entry.EntityType, key), Side(before, key), Side(after, key)))
                .ToArray();
            return new AuditChangeView(entry.At, entry.Actor, Label(text, "Audit.Action", entry.Action), Label(text, "Entity", entry.EntityType), fields);

            // A side that was recorded shows an empty value as "—"; a side that was not (a create has no before) stays null.
            string? Side(Dictionary<string, JsonElement> values, string key) =>
                values.Count == 0 ? null : values.TryGetValue(key, out var value) ? Value(entry.EntityType, key, value, names, text) ?? text["Audit.Empty"] : text["Audit.Empty"];
        }).ToArray();

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
            : [];
    }

    private static string? Value(string entity, string key, JsonElement value, IReadOnlyDictionary<Guid, string> names, IStringLocalizer<Strings> text) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => text.YesNo(true),
        JsonValueKind.False => text.YesNo(false),
        JsonValueKind.String => Text(entity, key, value.GetString()!, names, text),
        _ => value.GetRawText(),
    };

    private static string Text(string entity, string key, string value, IReadOnlyDictionary<Guid, string> names, IStringLocalizer<Strings> text)
    {
        if (Guid.TryParse(value, out var id))
        {
            return names.GetValueOrDefault(id, value);
        }

        if (IsoDate.TryParse(value, out var day))
        {
            return Formats.Date(day);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) && value.Contains('T'))
        {
            return Formats.DateTime(moment);
        }

        return (entity, key) switch
        {
            (nameof(PersonnelMove), nameof(PersonnelMove.Kind)) => Named<MoveKind>(value, text),
            (nameof(Inspection), nameof(Inspection.Kind)) => Named<InspectionKind>(value, text),
            (_, nameof(UnitVersion.Kind)) => Named<UnitKind>(value, text),
            (_, nameof(Person.Gender)) => Named<Gender>(value, text),
            (_, nameof(PositionHeld.SensitiveField)) => Named<SensitiveField>(value, text),
            (_, nameof(DisciplineDecision.Body)) => Named<DecidingBody>(value, text),
            (_, nameof(DisciplineDecision.Subject)) => Named<DisciplineSubject>(value, text),
            (_, nameof(DisciplineDecision.Form)) => Named<DisciplineForm>(value, text),
            (_, nameof(PersonnelMove.PostKind)) => Named<PostKind>(value, text),
            (_, nameof(PersonnelMove.Reason)) => Named<MoveReason>(value, text),
            (_, nameof(FollowUpTask.Status)) => Named<FollowUpStatus>(value, text),
            _ => value,
        };
    }

    /// <summary>An enum's localised name from its wire name; the value as it is when it is not one.</summary>
    private static string Named<TEnum>(string value, IStringLocalizer<Strings> text) where TEnum : struct, Enum =>
        WireNames<TEnum>.TryParse(value, out var parsed) ? text.Named(parsed) : value;

    /// <summary>A field's label where the record's kind words it its own way (<c>Field.Inspection.Title</c>), else the shared one (<c>Field.Title</c>).</summary>
    private static string FieldLabel(IStringLocalizer<Strings> text, string entityType, string name) =>
        text[$"Field.{entityType}.{name}"] is { ResourceNotFound: false } own ? own.Value : Label(text, "Field", name);

    /// <summary>The localised label of <c>prefix.name</c>, or the name itself when there is none.</summary>
    private static string Label(IStringLocalizer<Strings> text, string prefix, string name)
    {
        var label = text[$"{prefix}.{name}"];
        return label.ResourceNotFound ? name : label.Value;
    }
}
