using System.IO.Compression;

namespace Oversight.Attachments;

/// <summary>
/// The kinds of file Oversight keeps: what officials attach as decisions, minutes and evidence. A file is one of
/// them only when its name's extension and its bytes agree; the content type a browser declares is not trusted.
/// </summary>
public static class AttachmentTypes
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The extensions accepted, as the error message lists them.</summary>
    public const string Accepted = ".pdf, .docx, .xlsx, .jpg, .png";

    /// <summary>The content type of a file whose extension and bytes agree; null when they do not, or the kind is not kept.</summary>
    public static string? Detect(string fileName, Stream content)
    {
        var header = new byte[8];
        var read = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var start = header.AsSpan(0, read);
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".pdf" when start.StartsWith(Pdf) => "application/pdf",
            ".png" when start.StartsWith(Png) => "image/png",
            ".jpg" or ".jpeg" when start.StartsWith(Jpeg) => "image/jpeg",
            ".docx" when start.StartsWith(Zip) && HasPart(content, "word/document.xml") =>
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".xlsx" when start.StartsWith(Zip) && HasPart(content, "xl/workbook.xml") =>
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => null,
        };
    }

    /// <summary>Whether a zip package has the part that makes it a Word or Excel file.</summary>
    private static bool HasPart(Stream content, string part)
    {
        try
        {
            content.Position = 0;
            using var package = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return package.GetEntry(part) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
