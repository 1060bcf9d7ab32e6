using System.Globalization;
using System.Text.Json;
using Oversight.Accounts;
using Oversight.Text;

namespace Oversight.Notifications;

/// <summary>
/// The words of the e-mails and notifications Oversight writes to people, in each of <see cref="Languages.All"/>: data
/// (<c>Texts/notification-texts.json</c>), read once, so that a wording is changed in one place.
/// </summary>
public sealed class NotificationTexts
{
    private static readonly Lazy<IReadOnlyDictionary<string, NotificationTexts>> All = new(Read);

    private readonly IReadOnlyDictionary<string, string> texts;

    private NotificationTexts(IReadOnlyDictionary<string, string> texts)
    {
        this.texts = texts;
        Culture = CultureInfo.GetCultureInfo(texts["Culture"]);
    }

    public CultureInfo Culture { get; }

    /// <summary>The texts of a language; Vietnamese for one Oversight does not write in.</summary>
    public static NotificationTexts Of(string? language) =>
        All.Value.TryGetValue(language ?? string.Empty, out var found) ? found : All.Value[Languages.Vietnamese];

    /// <summary>The text of <paramref name="key"/> with its arguments put in, numbers and dates as the language writes them.</summary>
    public string this[string key, params object[] arguments] =>
        string.Format(Culture, texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No notification text '{key}'."), arguments);

    public string Date(DateOnly date) => Formats.Date(date, Culture);

    public string Number(int number) => Formats.Number(number, Culture);

    /// <summary>How a deadline stands on <paramref name="today"/>: overdue, today, or the days left.</summary>
    public string Due(DateOnly due, DateOnly today) => (due.DayNumber - today.DayNumber) switch
    {
        < 0 and var late => this["Due.Overdue", Number(-late), Date(due)],
        0 => this["Due.Today", Date(due)],
        var left => this["Due.Soon", Number(left), Date(due)],
    };

    private static IReadOnlyDictionary<string, NotificationTexts> Read()
    {
        using var stream = typeof(NotificationTexts).Assembly.GetManifestResourceStream("Oversight.Notifications.notification-texts.json")
            ?? throw new InvalidOperationException("The notification texts are not embedded.");
        var languages = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
            ?? throw new InvalidOperationException("The notification texts are empty.");
        return languages.ToDictionary(l => l.Key, l => new NotificationTexts(l.Value), StringComparer.Ordinal);
    }
}
