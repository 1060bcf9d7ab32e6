namespace Oversight.Reports;

public enum ReportFormat
{
    Docx,
    Xlsx,
    Pdf,
    Html,
}

/// <summary>Writes a report in any of its formats.</summary>
public static class ReportWriter
{
    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ReportFormat.Pdf => "application/pdf",
        _ => "text/html; charset=utf-8",
    };

    public static void Write(ReportDocument report, ReportFormat format, Stream output)
    {
        switch (format)
        {
            case ReportFormat.Docx:
                DocxReportWriter.Write(report, output);
                break;
            case ReportFormat.Xlsx:
                XlsxReportWriter.Write(report, output);
                break;
            case ReportFormat.Pdf:
                PdfReportWriter.Write(report, output);
                break;
            default:
                HtmlReportWriter.Write(report, output);
                break;
        }
    }
}
