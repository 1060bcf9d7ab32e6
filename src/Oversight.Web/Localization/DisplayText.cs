using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Text;

namespace Oversight.Web.Localization;

/// <summary>Localised names of the domain's enums and the recurring phrases built from dates.</summary>
public static class DisplayText
{
    /// <summary>An enum value's name: the string <c>{EnumType}.{Value}</c>.</summary>
    public static string Named<TEnum>(this IStringLocalizer<Strings> text, TEnum value) where TEnum : struct, Enum => text[$"{typeof(TEnum).Name}.{value}"];

    /// <summary>An enum's values as a choice offers them: each wire name with its localised name.</summary>
    public static IReadOnlyList<(string Value, string Label)> Options<TEnum>(this IStringLocalizer<Strings> text) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (WireNames<TEnum>.ToWire(v), text.Named(v))).ToList();

    /// <summary>The label of a field of an accountability record's request (<c>Records.Field.{field}</c>); null when it has none.</summary>
    public static string? RecordField(this IStringLocalizer<Strings> text, string field) =>
        text[$"Records.Field.{field}"] is { ResourceNotFound: false } label ? label.Value : null;

    public static string Kind(this IStringLocalizer<Strings> text, UnitKind kind) => text.Named(kind);

    /// <summary>
    /// What a unit picker says of a unit it offers besides its name: the unit a typed name found that went into it
    /// ("gồm cả Xã Tốt Động") or that it went into ("sau thuộc Xã Hòa Phú"), or the day a unit that no longer exists
    /// ended ("đến 30/06/2025").
    /// </summary>
    public static string? UnitChoiceNote(this IStringLocalizer<Strings> text, UnitChoice choice, DateOnly day) =>
        choice.Includes is { } earlier ? text["Units.Picker.Includes", earlier].Value
        : choice.WentInto is { } later ? text["Units.Picker.WentInto", later].Value
        : choice.Former(day) && choice.Unit.ValidTo is { } end ? text["Units.Picker.Until", Formats.Date(end)].Value
        : null;

    public static string Gender(this IStringLocalizer<Strings> text, Gender gender) => text.Named(gender);

    public static string SensitiveField(this IStringLocalizer<Strings> text, SensitiveField field) => text.Named(field);

    public static string YesNo(this IStringLocalizer<Strings> text, bool value) => text[value ? "Common.Yes" : "Common.No"];

    /// <summary>
    /// A follow-up task's state in words, the same in every table and page: "Đã hoàn thành 05/11/2024 — muộn 5 ngày",
    /// "Đang thực hiện — Quá hạn".
    /// </summary>
    public static string TaskStatus(this IStringLocalizer<Strings> text, FollowUpStatus status, DateOnly dueOn, DateOnly? doneOn, bool overdue)
    {
        var state = text.Named(status) + (doneOn is { } done ? $" {Formats.Date(done)}" : "");
        return FollowUpTask.IsLate(dueOn, doneOn) ? text["Tasks.DoneLate", state, Formats.Number(doneOn!.Value.DayNumber - dueOn.DayNumber)]
            : overdue ? $"{state} — {text["Directives.Column.Overdue"]}"
            : state;
    }

    /// <inheritdoc cref="TaskStatus(IStringLocalizer{Strings}, FollowUpStatus, DateOnly, DateOnly?, bool)"/>
    public static string TaskStatus(this IStringLocalizer<Strings> text, FollowUpTask task, bool overdue) => text.TaskStatus(task.Status, task.DueOn, task.DoneOn, overdue);

    /// <summary>An optional date, or "unknown".</summary>
    public static string Date(this IStringLocalizer<Strings> text, DateOnly? date) =>
        date is { } day ? Formats.Date(day) : text["Common.Unknown"];

    /// <summary>An inclusive period with open ends: "01/07/2025 – nay", "không rõ – 30/06/2025".</summary>
    public static string Period(this IStringLocalizer<Strings> text, DateOnly? from, DateOnly? to) =>
        text["Period", text.Date(from), to is { } end ? Formats.Date(end) : text["Period.Present"]];
}
