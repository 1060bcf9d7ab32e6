using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Petitions;
using Oversight.Web.Pages.Attachments;

namespace Oversight.Web.Pages.Cases;

/// <summary>
/// A file kept with a case, as a download; not found (404) when the case or the file does not exist for the caller,
/// and for a denunciation's files to anyone not allowed to reveal the denouncer.
/// </summary>
public sealed class CaseFileModel(CaseWorkflow workflow) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, CancellationToken cancellationToken) =>
        await workflow.OpenFileAsync(id, fileId, cancellationToken) is var (attachment, content)
            ? DownloadModel.Download(this, attachment, content)
            : NotFound();
}
