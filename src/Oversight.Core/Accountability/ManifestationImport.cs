using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;

namespace Oversight.Accountability;

/// <summary>
/// Imports a directive's appendix of manifestations: <c>directive,code,text</c>, a group <c>1</c> or an item <c>1.2</c>
/// per row. Administrators only. Importing it marks the directive's catalogue as its real text; entries are added or
/// corrected, never removed (findings and decisions cite them).
/// </summary>
public sealed class ManifestationImport(OversightDbContext db, AccountabilityRecords records, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<ManifestationImport.Row>(db, caller, time, settings)
{
    public override string Name => "manifestations";

    public override bool AdministratorsOnly => true;

    protected override string Records => "manifestations";

    protected override string ReferenceColumn => "code";

    protected override ImportMessage SameKeyAsRow => ImportMessages.SameKeyAsRow;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("directive", "24-CT/TU", "Symbol of the directive whose appendix it is (import directives first). Required."),
        new("code", "1.2", "A group (1) or an item of a group (1.2); the item's group must be recorded or be in the same file. In XLSX type codes as text (1.10 typed as a number reads 1.1). Required."),
        new("text", "Né tránh, đùn đẩy, sợ trách nhiệm, không dám làm", "The entry as the appendix words it. Required."),
    ];

    public sealed record Row(string Key, bool IsGroup, ManifestationRequest Request);

    protected override string ReferenceOf(Row row) => row.Key;

    /// <summary>Groups are written before items, so an item may name a group given further down the file.</summary>
    protected override DateOnly DayOf(Row row) => row.IsGroup ? DateOnly.MinValue : DateOnly.MinValue.AddDays(1);

    protected override Row? Read(RowCells cells)
    {
        var directive = cells.Required("directive", 64);
        var code = cells.Required("code", 16);
        var request = new ManifestationRequest(directive, code, cells.Text("text"));
        return cells.HasErrors ? null : new Row($"{directive}, {code}", !code!.Contains('.', StringComparison.Ordinal), request);
    }

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        var existing = await records.FindManifestationAsync(row.Request.Directive!, row.Request.Code!, cancellationToken);
        return Outcome(cells, existing is not null, await records.RecordManifestationAsync(row.Request, cancellationToken: cancellationToken));
    }
}
