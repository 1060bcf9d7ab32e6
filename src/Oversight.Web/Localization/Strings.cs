namespace Oversight.Web.Localization;

/// <summary>
/// The web pages' shared resource: every user-visible string, in <c>Resources/Localization/Strings.vi.resx</c>
/// and <c>Strings.en.resx</c>. Pages take <c>IStringLocalizer&lt;Strings&gt;</c>.
/// </summary>
public sealed class Strings;
