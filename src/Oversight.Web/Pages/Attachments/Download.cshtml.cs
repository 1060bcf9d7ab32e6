using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Oversight.Accountability;
using Oversight.Attachments;

namespace Oversight.Web.Pages.Attachments;

/// <summary>
/// The evidence of a task's progress, to callers whose scope reaches the task's unit (404 to others). Always a download
/// under the type found in its bytes, never shown inline, never cached by shared caches.
/// </summary>
public sealed class DownloadModel(AttachmentFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await files.OpenAsync(id, nameof(TaskProgress), null, cancellationToken) is not var (attachment, content))
        {
            return NotFound();
        }

        return Download(this, attachment, content);
    }

    /// <summary>A kept file as a download: under the type found in its bytes, never inline, never in a shared cache.</summary>
    public static FileStreamResult Download(PageModel page, Attachment attachment, Stream content)
    {
        page.Response.Headers.CacheControl = "private, no-store";
        page.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return page.File(content, attachment.ContentType, attachment.FileName);
    }
}
