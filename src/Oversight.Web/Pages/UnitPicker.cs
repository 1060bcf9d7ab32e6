namespace Oversight.Web.Pages;

/// <summary>
/// The unit field of a register or dashboard form (<c>_UnitPicker</c>): a unit is picked by its name, never typed as a
/// code. The form still sends the code in <c>unit</c>, so an address says which unit; the name goes in <c>unitName</c>.
/// </summary>
/// <param name="Form">The page's form, which reads the unit (<see cref="RegisterFormModel.ChosenUnit"/>).</param>
/// <param name="Hint">What the field's hint says the unit covers.</param>
public sealed record UnitPicker(RegisterFormModel Form, string Hint);
