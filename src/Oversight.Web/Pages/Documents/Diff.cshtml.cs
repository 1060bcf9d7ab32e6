using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Documents;

namespace Oversight.Web.Pages.Documents;

/// <summary>What changed between two versions of a document, the changed lines with a line of context around each.</summary>
public sealed class DiffModel(InspectionDocuments documents) : PageModel
{
    private const int Context = 1;

    public DocumentView View { get; private set; } = null!;

    public int From { get; private set; }

    public int To { get; private set; }

    /// <summary>The runs of lines to show: changed ones and their context, with null between runs that are apart.</summary>
    public IReadOnlyList<DiffLine?> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int from, int to, CancellationToken cancellationToken)
    {
        if (await documents.FindAsync(id, cancellationToken) is not { } view || await documents.DiffAsync(id, from, to, cancellationToken) is not { } diff)
        {
            return NotFound();
        }

        (View, From, To) = (view, from, to);
        var shown = Enumerable.Range(0, diff.Count)
            .Where(i => Enumerable.Range(i - Context, 2 * Context + 1).Any(j => j >= 0 && j < diff.Count && diff[j].Kind != DiffKind.Same))
            .ToList();
        var lines = new List<DiffLine?>();
        foreach (var (index, position) in shown.Select((index, position) => (index, position)))
        {
            if (position > 0 && shown[position - 1] != index - 1)
            {
                lines.Add(null);
            }

            lines.Add(diff[index]);
        }

        Lines = lines;
        return Page();
    }
}
