using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Oversight.Attachments;

namespace Oversight.Web.Pages.Attachments;

/// <summary>
/// An attachment's file, to callers whose scope reaches its record's unit (404 to others). Always a download under
/// the type found in its bytes, never shown inline, never cached by shared caches.
/// </summary>
public sealed class DownloadModel(AttachmentFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await files.OpenAsync(id, cancellationToken) is not var (attachment, content))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return File(content, attachment.ContentType, attachment.FileName);
    }
}
