namespace Oversight.Web.Pages.Units;

/// <summary>What the "as of" form needs: where it submits to, the date shown, whether the date given was not a date.</summary>
public sealed record AsOfFormModel(string Action, DateOnly AsOf, bool Invalid, string? Open = null);
