namespace Oversight.Text;

/// <summary>
/// The legal text a value comes from (an indicator's definition, a document's layout), and whether the value was checked
/// against that text.
/// </summary>
public sealed record LegalSource(string Citation, bool Verified);
