using Microsoft.EntityFrameworkCore;
using Oversight.Data;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Accountability;

public sealed partial class AccountabilityRecords
{
    private const int ManifestationTextLength = 2000;

    /// <summary>
    /// Records an entry of a directive's appendix, or corrects its text: the directive and the code are its key. An
    /// item's group (<c>1</c> for <c>1.2</c>) must be recorded first. Administrators only: the appendix is the
    /// directive's own text, shared by every unit that cites it.
    /// </summary>
    /// <remarks>
    /// Entering the appendix through this method marks the directive's catalogue as its real text
    /// (<see cref="Directive.CatalogueIsIllustrative"/> false), as the demo's illustrative catalogue is never entered
    /// this way. Entries are never deleted: findings and decisions cite them.
    /// </remarks>
    public async Task<RecordResult<Manifestation>> RecordManifestationAsync(ManifestationRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        if (!(await scope.FilterAsync(cancellationToken)).IsEverything)
        {
            return new(null, [RecordMessages.AppendixAdministratorsOnly.For(string.Empty)]);
        }

        var errors = new List<FieldError>();
        var directive = await RequiredDirectiveAsync(request.Directive, "directive", errors, cancellationToken);
        var code = ManifestationCode(request.Code, errors);
        var text = RequestFields.Text(request.Text, "text", ManifestationTextLength, errors, required: true);
        if (directive is not null && code?.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot
            && !await db.Manifestations.AnyAsync(m => m.DirectiveId == directive.Id && m.Code == code.Substring(0, dot), cancellationToken))
        {
            errors.Add(RecordMessages.GroupNotFound.For("code", directive.Symbol, code[..dot]));
        }

        if (errors.Count > 0 || directive is null || code is null || text is null)
        {
            return new(null, errors);
        }

        directive.CatalogueIsIllustrative = false;
        var entry = await db.Manifestations.FirstOrDefaultAsync(m => m.DirectiveId == directive.Id && m.Code == code, cancellationToken);
        return entry is null
            ? await AddAsync(new Manifestation { DirectiveId = directive.Id, Code = code, Text = text }, cancellationToken)
            : await db.SaveEditAsync(entry, expectedStamp, errors, () => entry.Text = text, cancellationToken);
    }

    /// <summary>An entry of a directive's appendix, by symbol and code; null when there is none.</summary>
    public Task<Manifestation?> FindManifestationAsync(string symbol, string code, CancellationToken cancellationToken = default) =>
        db.Manifestations.AsNoTracking().FirstOrDefaultAsync(
            m => m.Code == VietnameseText.Normalize(code) && db.Directives.Any(d => d.Id == m.DirectiveId && d.Symbol == VietnameseText.Normalize(symbol)), cancellationToken);

    /// <summary>The manifestations named by code in a directive's appendix; the directive is required with codes.</summary>
    private async Task<IReadOnlySet<Guid>> ManifestationIdsAsync(string? directiveSymbol, IReadOnlyList<string>? codes, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var wanted = RequestFields.List(codes);
        if (VietnameseText.Normalize(directiveSymbol) is not { } symbol)
        {
            if (wanted.Count > 0)
            {
                errors.Add(RecordMessages.RequiredWith.For("directive", "manifestations"));
            }

            return new HashSet<Guid>();
        }

        return await DirectiveIdAsync(symbol, "directive", errors, cancellationToken) is { } directive
            ? await AppendixIdsAsync(directive, symbol, wanted, errors, cancellationToken)
            : new HashSet<Guid>();
    }

    /// <summary>The entries of a directive's appendix named by code; a code it does not have is reported on <c>manifestations</c>.</summary>
    private async Task<IReadOnlySet<Guid>> AppendixIdsAsync(Guid directive, string symbol, IReadOnlyList<string> wanted, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var found = await db.Manifestations.AsNoTracking().Where(m => m.DirectiveId == directive && wanted.Contains(m.Code))
            .Select(m => new { m.Id, m.Code }).ToListAsync(cancellationToken);
        foreach (var code in wanted.Where(code => found.All(m => m.Code != code)))
        {
            errors.Add(RecordMessages.ManifestationNotFound.For("manifestations", symbol, code));
        }

        return found.Select(m => m.Id).ToHashSet();
    }

    /// <summary>A code of an appendix: a group <c>1</c> or an item <c>1.2</c>, numbers without leading zeros.</summary>
    private static string? ManifestationCode(string? text, List<FieldError> errors)
    {
        var code = RequestFields.Text(text, "code", 16, errors, required: true);
        if (code is not null && !AppendixCode().IsMatch(code))
        {
            errors.Add(RecordMessages.NotAManifestationCode.For("code", code));
            return null;
        }

        return code;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[1-9][0-9]*(\.[1-9][0-9]*)?$")]
    private static partial System.Text.RegularExpressions.Regex AppendixCode();
}
