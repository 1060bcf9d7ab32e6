using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Documents;
using Oversight.Reports;

namespace Oversight.Demo;

/// <summary>
/// The documents of the inspection of 19 July 2024, made as people make them: the district's self-assessment, drafted by
/// the district's officer with the seed report's figures (<see cref="DemoClaims"/>) and signed and sent by its leader,
/// which makes those figures the district's claims; the City delegation's report, drafted by the delegation's inspector,
/// approved and issued by its head; the conclusion notice drawn from it, whose five requests become the five follow-up
/// tasks, which the district then follows (<see cref="DemoAccountability.Follow"/>).
/// </summary>
/// <remarks>
/// The narrative paraphrases what the seed's article reports of the delegation's assessment; the period of the
/// figures is the district's report's, from August 2023 to the day of the inspection.
/// </remarks>
internal sealed class DemoDocuments(OversightDbContext db, Caller caller, InspectionDocuments documents)
{
    private static readonly Dictionary<string, string?> Narrative = new()
    {
        ["method"] = "Đoàn kiểm tra nghe Ban Thường vụ Huyện ủy Chương Mỹ báo cáo kết quả thực hiện Chỉ thị 24-CT/TU gắn với Chỉ thị 39-CT/HU; đối chiếu số liệu báo cáo với hồ sơ, tài liệu của Huyện ủy, Ủy ban nhân dân huyện và các xã, thị trấn.",
        ["leadership"] = "Ban Thường vụ Huyện ủy đã ban hành Chỉ thị 39-CT/HU để cụ thể hóa Chỉ thị 24-CT/TU, chỉ đạo các cấp ủy, tổ chức đảng quán triệt và xây dựng kế hoạch thực hiện, gắn trách nhiệm người đứng đầu.",
        ["strengths"] = "Việc quán triệt Chỉ thị được tổ chức kịp thời, đến toàn bộ cấp ủy, tổ chức đảng trực thuộc.\nCông tác kiểm tra, giám sát và thi hành kỷ luật được quan tâm; nhiều vi phạm thuộc biểu hiện tại Phụ lục Chỉ thị đã được xem xét, xử lý.",
        ["shortcomings"] = "Việc phân cấp, ủy quyền còn khó khăn, vướng mắc; quy trình luân chuyển cán bộ cần được rà soát kỹ hơn.\nMột số vụ việc phức tạp, kéo dài chưa được giải quyết dứt điểm.\nNhiều năm liền huyện đứng cuối Thành phố ở một số chỉ số, trong đó có Chỉ số cải cách hành chính.",
        ["causes"] = "Nhận thức, trách nhiệm của một số cấp ủy, người đứng đầu chưa đầy đủ; việc theo dõi, đôn đốc thực hiện chưa thường xuyên.",
    };

    /// <summary>What the district writes of itself: its leadership, its assessment and what it proposes.</summary>
    private static readonly Dictionary<string, string?> SelfNarrative = new()
    {
        ["leadership"] = "Ban Thường vụ Huyện ủy ban hành Chỉ thị 39-CT/HU để cụ thể hóa Chỉ thị 24-CT/TU; chỉ đạo các cấp ủy, tổ chức đảng trực thuộc quán triệt, xây dựng kế hoạch thực hiện, gắn với trách nhiệm người đứng đầu.",
        ["strengths"] = "Chỉ thị được quán triệt kịp thời đến các cấp ủy, tổ chức đảng trực thuộc; kỷ luật, kỷ cương trong giải quyết công việc có chuyển biến.\nCông tác tiếp công dân, đối thoại được duy trì thường xuyên.",
        ["shortcomings"] = "Việc phân cấp, ủy quyền còn khó khăn, vướng mắc; một số vụ việc phức tạp, kéo dài chưa được giải quyết dứt điểm.",
        ["proposals"] = "Đề nghị Thành ủy, Ủy ban nhân dân Thành phố tiếp tục hướng dẫn việc phân cấp, ủy quyền trong giải quyết công việc.",
    };

    /// <summary>Writes the documents; how many claims the district's self-assessment made.</summary>
    public async Task<int> AddAsync(string ownerCode, CancellationToken cancellationToken)
    {
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Reference == "KT-01-2024-07", cancellationToken);
        var requests = DemoAccountability.Requests.Select(r => new DocumentRequestFields(ownerCode, r.Text, $"{r.Due:yyyy-MM-dd}")).ToList();

        var stated = new DocumentTextRequest(SelfNarrative, [], DemoClaims.Stated(ReportTemplate.SelfAssessment));
        var self = await DraftAsync("officer", inspection.Id, DocumentKind.SelfAssessment, stated, cancellationToken);
        await IssueAsync("leader", self, cancellationToken);
        var report = await DraftAsync("inspector", inspection.Id, DocumentKind.DelegationReport, new DocumentTextRequest(Narrative, requests), cancellationToken);
        await IssueAsync("teamlead", report, cancellationToken);
        var notice = await DraftAsync("inspector", inspection.Id, DocumentKind.ConclusionNotice, text: null, cancellationToken);
        await IssueAsync("teamlead", notice, cancellationToken);

        var tasks = await db.FollowUpTasks.Where(t => t.NoticeId == notice).OrderBy(t => t.Reference).ToListAsync(cancellationToken);
        db.AddRange(DemoAccountability.Follow(tasks));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return await db.ReportedFigures.CountAsync(c => c.DocumentId == self, cancellationToken);
    }

    /// <summary>The drafter starts the document, writes it (a notice is written from the report) and submits it.</summary>
    private async Task<Guid> DraftAsync(string drafter, Guid inspectionId, DocumentKind kind, DocumentTextRequest? text, CancellationToken cancellationToken)
    {
        await ActAsAsync(drafter, cancellationToken);
        var document = Succeeded(await documents.CreateAsync(inspectionId, kind, cancellationToken));
        if (text is not null)
        {
            document = Succeeded(await documents.SaveAsync(document.Id, text, 1, null, cancellationToken));
        }

        Succeeded(await documents.SubmitAsync(document.Id, document.ConcurrencyStamp, cancellationToken));
        return document.Id;
    }

    /// <summary>The one who reviews it (the head of the delegation, the unit's leader) approves it and issues it on the day of the inspection.</summary>
    private async Task IssueAsync(string reviewer, Guid id, CancellationToken cancellationToken)
    {
        await ActAsAsync(reviewer, cancellationToken);
        var approved = Succeeded(await documents.ApproveAsync(id, null, cancellationToken));
        Succeeded(await documents.IssueAsync(id, $"{DemoBodies.InspectionDay:yyyy-MM-dd}", approved.ConcurrencyStamp, cancellationToken));
    }

    private async Task ActAsAsync(string userName, CancellationToken cancellationToken)
    {
        var account = DemoScenario.Accounts.Single(a => a.UserName == userName);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, cancellationToken);
        caller.SetUser(user.Id, userName, [account.Role], user.ScopeUnitId);
    }

    private static InspectionDocument Succeeded(Records.RecordResult<InspectionDocument> result) =>
        result.Succeeded ? result.Record! : throw new InvalidOperationException("the demo's documents: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
}
